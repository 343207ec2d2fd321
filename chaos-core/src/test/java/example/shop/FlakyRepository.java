package example.shop;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A repository whose writes may fail with a checked {@link SQLException}, as a JDBC one's do. */
public class FlakyRepository {
    private final Map<String, Integer> balances = new ConcurrentHashMap<>();

    public void save(String account, int cents) throws SQLException {
        balances.merge(account, cents, Integer::sum);
    }

    public int balance(String account) {
        return balances.getOrDefault(account, 0);
    }
}
