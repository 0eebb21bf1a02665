/**
 * Dashboard accounts and their sign-in sessions: who may sign in, with which role, as which person
 * of the directory. Stores keep password hashes (Argon2id, made by the server) and hashed session
 * ids only.
 */
package io.tokenmaxx.account;
