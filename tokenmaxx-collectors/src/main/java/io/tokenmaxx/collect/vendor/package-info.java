/**
 * Vendor usage importers: pull what the vendors' admin APIs report (Anthropic, OpenAI, Cursor,
 * GitHub Copilot) or what their consoles export as CSV, and turn it into normalized records with
 * stable ids. {@link io.tokenmaxx.collect.vendor.VendorImporter} is the one interface every vendor
 * implements; {@link io.tokenmaxx.collect.vendor.ImportScheduler} pulls each configured source on
 * its interval and keeps its cursor; records go to an {@link io.tokenmaxx.collect.vendor.ImportSink}
 * (the ingest pipeline in the server).
 */
package io.tokenmaxx.collect.vendor;
