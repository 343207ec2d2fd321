// Reads a cascade-trace/1 document (docs/trace-format.md) into what the model needs: events with
// times in ms and processes as {pid, path, incarnation}, the tree nested, the footer as written.
// The only place that knows the file format.
var Trace = (function () {
  'use strict';

  function processOf(p) {
    if (!p) { return null; }
    if (p.pid === undefined && typeof p.name === 'string') { // a name no process ever held (a call or cast to it)
      return { pid: p.name + ' (never registered)', name: p.name, path: null, incarnation: 0 };
    }
    return { pid: '<0.' + p.pid + '.0>', path: p.path || null, incarnation: p.incarnation || 0 };
  }

  var PROCESS_MEMBERS = ['process', 'parent', 'from', 'to', 'by', 'caller', 'callee', 'supervisor', 'in', 'target'];

  function eventOf(raw) {
    var e = {};
    for (var key in raw) {
      if (Object.prototype.hasOwnProperty.call(raw, key)) { e[key] = raw[key]; }
    }
    e.t = raw.at_ns / 1e6;
    e.cause = raw.cause || 0;
    PROCESS_MEMBERS.forEach(function (name) {
      if (raw[name] && typeof raw[name] === 'object') { e[name] = processOf(raw[name]); }
    });
    if (typeof raw.took_ns === 'number') { e.took_ms = raw.took_ns / 1e6; }
    if (typeof raw.period_ns === 'number') { e.period_ms = raw.period_ns / 1e6; }
    return e;
  }

  // The flat list (parents before children) as a nested tree.
  function treeOf(nodes) {
    if (!nodes || !nodes.length) { return null; }
    var byPath = new Map();
    var root = null;
    nodes.forEach(function (raw) {
      var node = {
        path: raw.path, id: raw.path.substring(raw.path.lastIndexOf('/') + 1), kind: raw.kind,
        restart: raw.restart || null, strategy: raw.strategy || null,
        intensity: raw.intensity, period_ms: raw.period_ms, children: []
      };
      byPath.set(node.path, node);
      var parent = byPath.get(raw.path.substring(0, raw.path.lastIndexOf('/')));
      if (parent) { parent.children.push(node); } else if (!root) { root = node; }
    });
    return root;
  }

  function read(doc) {
    if (!doc || doc.format !== 'cascade-trace/1') {
      throw new Error('the report holds no cascade-trace/1 trace (format: ' + (doc && doc.format) + ')');
    }
    var known = { spawned: 1, started: 1, start_ignored: 1, start_failed: 1, sent: 1, delivered: 1, handled: 1,
                  call_started: 1, call_replied: 1, call_timed_out: 1, call_failed: 1, exited: 1,
                  restart_decided: 1, supervisor_gave_up: 1, message_dropped: 1, message_lost: 1, user_call: 1,
                  fault_fired: 1, fault_skipped: 1 };
    var skipped = 0;
    var events = [];
    (doc.events || []).forEach(function (raw) {
      if (known[raw.type]) { events.push(eventOf(raw)); } else { skipped++; }
    });
    return {
      name: doc.name || '', seed: doc.seed, scheduler: doc.scheduler || {}, tree: treeOf(doc.tree),
      events: events, unknownEvents: skipped, leftOut: doc.left_out || { events: 0, by_type: {} },
      accounting: doc.accounting || null, ledger: doc.ledger || []
    };
  }

  return { read: read };
})();
