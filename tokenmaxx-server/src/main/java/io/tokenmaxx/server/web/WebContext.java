package io.tokenmaxx.server.web;

import io.tokenmaxx.account.AccountStore;
import io.tokenmaxx.analyze.Analytics;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.server.web.auth.LoginThrottle;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.server.web.auth.Sessions;
import io.tokenmaxx.server.web.auth.Viewers;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What pages are built with: the analytics, the directory, accounts and sessions, API tokens, the
 * audit log, time and the organization's zone. One instance per server.
 *
 * @param onTokensChanged run after a token was revoked here (drops cached authentications)
 * @param sources         which sources a page's numbers came from
 */
public record WebContext(
    Analytics analytics,
    Directory directory,
    AccountStore accounts,
    Sessions sessions,
    Viewers viewers,
    Passwords passwords,
    LoginThrottle throttle,
    TokenStore tokens,
    Runnable onTokensChanged,
    AuditLog audit,
    FilterOptions options,
    Clock clock,
    ZoneId zone,
    io.tokenmaxx.server.web.pages.SourceCoverage sources) {}
