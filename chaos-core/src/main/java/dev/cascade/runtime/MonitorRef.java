package dev.cascade.runtime;

/** The reference of one monitor; each {@link ProcessContext#monitor} call creates a new one. */
public record MonitorRef(long serial) {
    @Override
    public String toString() {
        return "#Ref<" + serial + ">";
    }
}
