/**
 * The organization as tokenmaxx knows it: people, teams, departments, the many identities
 * (aliases) each person uses, and the tokens that may send records. {@link io.tokenmaxx.identity.Directory}
 * and {@link io.tokenmaxx.identity.TokenStore} are the SPI storage backends implement.
 */
package io.tokenmaxx.identity;
