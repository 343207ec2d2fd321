package dev.cascade.runtime.internal;

/**
 * A reply to a call's alias: it may only enter the caller's mailbox while the alias is active, also
 * when a fault held it back and delivers it later (a reply after its call ended is dropped, G20).
 */
public interface AliasedReply extends SystemMessage {
    long alias();
}
