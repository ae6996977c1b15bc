/**
 * The province server's persistence: PostgreSQL (a local cluster or a given URL), its Flyway migrations and every
 * jOOQ query. The HTTP layer ({@code org.ybdesk.province}) calls these classes and never imports {@code org.jooq}.
 */
package org.ybdesk.province.store;
