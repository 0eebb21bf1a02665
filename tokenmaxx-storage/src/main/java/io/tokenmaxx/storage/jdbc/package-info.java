/**
 * What the SQL backends share: the table layout, input checks, the query builder, row mapping,
 * the group-committing writer and the schema migration runner. Public only so that the backend
 * packages can use it; not an API.
 */
package io.tokenmaxx.storage.jdbc;
