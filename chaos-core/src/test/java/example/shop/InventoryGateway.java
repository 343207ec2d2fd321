package example.shop;

/** A remote system, marked {@link Remote} on the type: every method of it is a remote call. */
@Remote
public class InventoryGateway {
    public boolean reserve(String item, int count) {
        return count > 0 && !item.isEmpty();
    }
}
