// tokenmaxx dashboard: draws every [data-chart] element with ECharts. The server renders the data;
// this file only styles it. No inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';
  // Okabe-Ito: distinguishable with the common colour-vision deficiencies.
  var PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7F7F7F', '#F0E442'];
  var charts = [];
  // A series keeps its colour in every chart of the page (a tool is the same colour everywhere):
  // names get palette colours in the order the page first shows them.
  var named = {};
  var nextColour = 0;
  function colourOf(name) {
    if (!Object.prototype.hasOwnProperty.call(named, name)) named[name] = PALETTE[nextColour++ % PALETTE.length];
    return named[name];
  }

  function shortNumber(v) {
    var a = Math.abs(v);
    if (a >= 1e12) return trim(v / 1e12) + 'T';
    if (a >= 1e9) return trim(v / 1e9) + 'B';
    if (a >= 1e6) return trim(v / 1e6) + 'M';
    if (a >= 1e4) return trim(v / 1e3) + 'k';
    return Math.round(v).toLocaleString('en');
  }
  function trim(x) { var s = x.toFixed(1); return s.slice(-2) === '.0' ? s.slice(0, -2) : s; }
  function money(v) {
    var a = Math.abs(v);
    if (a >= 1e6) return '$' + trim(v / 1e6) + 'M';
    if (a >= 1e4) return '$' + trim(v / 1e3) + 'k';
    if (a >= 100) return '$' + Math.round(v).toLocaleString('en');
    return '$' + v.toFixed(2);
  }
  function formatter(unit) {
    switch (unit) {
      case 'money': return money;
      case 'percent': return function (v) { return Math.round(v * 100) + '%'; };
      case 'tokens': case 'count': return shortNumber;
      case 'days': return function (v) { return trim(v) + ' d'; };
      case 'minutes': return function (v) { return trim(v) + ' min'; };
      default: return shortNumber;
    }
  }
  function dateLabel(s) {
    // yyyy-MM-dd -> "3 Mar"; other categories unchanged.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
    var d = new Date(s + 'T00:00:00Z');
    return d.getUTCDate() + ' ' + ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  }

  function option(spec) {
    var fmt = formatter(spec.unit);
    var horizontal = spec.kind === 'hbar';
    var stacked = spec.kind === 'area' || spec.kind === 'stacked';
    var many = spec.series.length > 1;
    var categoryAxis = {
      type: 'category', data: spec.x, inverse: horizontal,
      axisLabel: { color: '#4f5b69', fontSize: 12, hideOverlap: true,
        formatter: horizontal ? function (s) { return s.length > 22 ? s.slice(0, 21) + '…' : s; } : dateLabel },
      axisTick: { show: false }, axisLine: { lineStyle: { color: '#c5ced8' } }
    };
    var valueAxis = {
      type: 'value', max: spec.max, minInterval: spec.unit === 'count' ? 1 : undefined, axisLabel: { color: '#4f5b69', fontSize: 12, formatter: fmt },
      splitLine: { lineStyle: { color: '#eef1f5' } }
    };
    var series = spec.series.map(function (s, i) {
      var out = {
        name: s.name, data: s.data, type: spec.kind === 'line' || spec.kind === 'area' ? 'line' : 'bar',
        stack: stacked ? 'total' : undefined, showSymbol: false, smooth: false,
        barMaxWidth: horizontal ? 18 : 28, barCategoryGap: stacked ? '20%' : undefined, emphasis: { focus: 'series' }
      };
      if (many && !spec.colors) out.color = colourOf(s.name);
      if (spec.kind === 'area') { out.areaStyle = { opacity: 0.85 }; out.lineStyle = { width: 0.8 }; }
      if (spec.kind === 'line') { out.lineStyle = { width: 2 }; }
      if (horizontal && !many) {
        out.label = { show: true, position: 'right', formatter: function (p) { return fmt(p.value); }, color: '#1b2430', fontSize: 12 };
      }
      if (i === 0 && spec.mark) {
        out.markLine = { symbol: 'none', silent: true, lineStyle: { color: '#b42318', type: 'dashed' },
          label: { show: false },
          data: horizontal ? [{ xAxis: spec.mark.value }] : [{ yAxis: spec.mark.value }] };
      }
      return out;
    });
    var labelWidth = 0;
    if (horizontal) {
      spec.x.forEach(function (s) { labelWidth = Math.max(labelWidth, Math.min(22, String(s).length)); });
    }
    return {
      color: spec.colors || PALETTE,
      animation: false,
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
      grid: horizontal
        ? { left: 14 + labelWidth * 7, right: 64, top: many ? 34 : 8, bottom: 24, containLabel: false }
        : { left: 8, right: 16, top: many ? 34 : 12, bottom: 8, containLabel: true },
      legend: many ? { top: 0, left: 0, type: 'scroll', itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12, color: '#1b2430' } } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: horizontal ? 'shadow' : 'line' }, valueFormatter: fmt, confine: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series
    };
  }

  function draw(root) {
    if (typeof echarts === 'undefined') return;
    var els = (root || document).querySelectorAll('[data-chart]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.getAttribute('data-drawn')) continue;
      try {
        var chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(option(JSON.parse(el.getAttribute('data-chart'))));
        el.setAttribute('data-drawn', '1');
        charts.push(chart);
      } catch (e) {
        el.textContent = 'This chart could not be drawn.';
      }
    }
  }

  function prune() {
    charts = charts.filter(function (c) {
      if (!document.body.contains(c.getDom())) { c.dispose(); return false; }
      return true;
    });
  }

  var resizeTimer;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 120);
  });
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  // The admin menu (a <details>) closes on a click elsewhere or on Escape.
  document.addEventListener('click', function (e) {
    document.querySelectorAll('details.nav-admin[open]').forEach(function (d) { if (!d.contains(e.target)) d.open = false; });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') document.querySelectorAll('details.nav-admin[open]').forEach(function (d) { d.open = false; });
  });
  document.addEventListener('htmx:afterSettle', function (e) { prune(); draw(e.target); });
  // A file chosen in <input type=file data-fill=ID> (or data-read-into=ID) is read into the text area ID (CSV imports).
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[type=file][data-fill], input[type=file][data-read-into]') || !input.files || !input.files[0]) return;
    var target = document.getElementById(input.getAttribute('data-fill') || input.getAttribute('data-read-into'));
    if (target) input.files[0].text().then(function (text) { target.value = text; });
  });
})();
