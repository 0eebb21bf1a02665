package io.tokenmaxx.storage.search;

import io.tokenmaxx.checkin.CheckIn;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/** How a check-in becomes a Lucene document: the fields, which are searched, filtered, faceted, shown. */
final class CheckinDocuments {
  static final String ID = "id";
  static final String PERSON = "person";
  static final String TEAM = "team";
  static final String DEPARTMENT = "department";
  static final String VISIBILITY = "visibility";
  static final String WEEK = "week";
  static final String WEEK_SORT = "week_sort";
  static final String TAG = "tag";
  static final String TOOL = "tool";
  static final String TAG_TEXT = "tags_text";
  /** The texts, searched and highlighted. */
  static final String[] TEXT = {"tried", "worked", "failed", "learned"};
  /** Facet dimensions. */
  static final String[] FACETS = {TAG, TOOL, DEPARTMENT, TEAM};
  static final String NONE = "(none)";

  static final FacetsConfig FACETS_CONFIG = facetsConfig();

  /** Stored text with offsets in the postings, so highlighting reads them instead of re-analysing. */
  static final FieldType TEXT_TYPE = textType();

  private static FieldType textType() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private CheckinDocuments() {}

  private static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued(TAG, true);
    c.setMultiValued(TOOL, true);
    return c;
  }

  static Document document(CheckIn c) {
    Document d = new Document();
    d.add(new StringField(ID, c.id(), Field.Store.YES));
    d.add(new StringField(PERSON, c.person(), Field.Store.YES));
    d.add(new StringField(VISIBILITY, c.visibility().label(), Field.Store.NO));
    String team = c.team() == null ? NONE : c.team();
    String department = c.department() == null ? NONE : c.department();
    d.add(new StringField(TEAM, team, Field.Store.NO));
    d.add(new StringField(DEPARTMENT, department, Field.Store.NO));
    long week = c.week().toEpochDay();
    d.add(new LongPoint(WEEK, week));
    d.add(new StoredField(WEEK, week));
    d.add(new NumericDocValuesField(WEEK_SORT, week));
    d.add(new Field(TEXT[0], c.tried(), TEXT_TYPE));
    d.add(new Field(TEXT[1], c.worked(), TEXT_TYPE));
    d.add(new Field(TEXT[2], c.failed(), TEXT_TYPE));
    d.add(new Field(TEXT[3], c.learned(), TEXT_TYPE));
    StringBuilder tagText = new StringBuilder();
    for (String t : c.tags()) {
      d.add(new StringField(TAG, t, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(TAG, t));
      tagText.append(t.replace('-', ' ')).append(' ');
    }
    for (String t : c.tools()) {
      d.add(new StringField(TOOL, t, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(TOOL, t));
      tagText.append(t.replace('-', ' ')).append(' ');
    }
    d.add(new TextField(TAG_TEXT, tagText.toString(), Field.Store.NO));
    d.add(new SortedSetDocValuesFacetField(TEAM, team));
    d.add(new SortedSetDocValuesFacetField(DEPARTMENT, department));
    return d;
  }
}
