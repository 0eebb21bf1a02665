package io.tokenmaxx.gateway;

import io.tokenmaxx.gateway.budget.BudgetScope;
import io.tokenmaxx.gateway.keys.VirtualKey;
import io.tokenmaxx.model.RawIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sent a request: a gateway key, or (pass-through) a client with its own provider key, known
 * only by a hash of it.
 *
 * @param key            the gateway key, null in pass-through
 * @param keyHash        pass-through: {@code sha256-} and the first 32 hex digits of the key's SHA-256
 * @param ownCredential  pass-through: the header carrying the client's key, forwarded unchanged
 * @param ownValue       its value
 */
record Caller(VirtualKey key, String keyHash, String ownCredential, String ownValue) {

  boolean passThrough() {
    return key == null;
  }

  String person() {
    return key == null ? null : key.person();
  }

  String team() {
    return key == null ? null : key.team();
  }

  RawIdentity identity() {
    return new RawIdentity(RawIdentity.Kind.API_KEY, key != null ? key.id() : keyHash);
  }

  List<BudgetScope> scopes() {
    List<BudgetScope> s = new ArrayList<>(3);
    if (key == null) return s;
    s.add(new BudgetScope(BudgetScope.Kind.KEY, key.id()));
    if (key.person() != null) s.add(new BudgetScope(BudgetScope.Kind.PERSON, key.person()));
    if (key.team() != null) s.add(new BudgetScope(BudgetScope.Kind.TEAM, key.team()));
    return s;
  }
}
