package example.shop;

/** Charge {@code account} the price of {@code item}. */
public record Charge(String account, String item) {}
