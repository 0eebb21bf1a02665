/** Strict JSON reading shared by the catalog and demand readers: every error names file, entry and field. */
package io.tokenmaxx.plan.json;
