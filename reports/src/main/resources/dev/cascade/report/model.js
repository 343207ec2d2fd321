// The report's model: the page data (cascade-report/1 around a cascade-trace/1 trace) read into
// lanes, incarnations, messages and marks. No drawing here.
var Model = (function () {
  'use strict';

  function ms(nanos) { return nanos / 1e6; }

  function processKey(p) { return p ? (p.path || p.pid) : null; }

  // Lanes in tree order: every path of the tree depth first, paths the events name that the tree
  // does not (dynamic children, started or not) after their parent, then one lane for processes outside the tree.
  function lanesOf(tree, events) {
    var lanes = [];
    var byKey = new Map();
    function add(path, depth, node) {
      var lane = { key: path, path: path, label: path, depth: depth, node: node || null, segments: [], marks: [],
                   slices: [], kind: node ? node.kind : 'worker', index: 0 };
      byKey.set(path, lane);
      return lane;
    }
    var ordered = [];
    (function walk(node, depth) {
      ordered.push(add(node.path, depth, node));
      (node.children || []).forEach(function (child) { walk(child, depth + 1); });
    })(tree, 0);
    var extra = [];
    events.forEach(function (e) {
      // A start that failed or was ignored names a path with no process: a dynamic key that never started gets a lane too.
      var named = e.type === 'start_failed' || e.type === 'start_ignored' ? [{ path: e.path }] : processesOf(e);
      named.forEach(function (p) {
        if (p && p.path && !byKey.has(p.path)) {
          var depth = p.path.split('/').length - 1;
          extra.push(add(p.path, depth, null));
        }
      });
    });
    extra.sort(function (a, b) { return a.path < b.path ? -1 : 1; });
    extra.forEach(function (lane) {
      var parent = lane.path.substring(0, lane.path.lastIndexOf('/'));
      var at = -1;
      for (var i = 0; i < ordered.length; i++) {
        if (ordered[i].path === parent || ordered[i].path.indexOf(parent + '/') === 0) { at = i; }
      }
      ordered.splice(at + 1, 0, lane);
    });
    lanes = ordered;
    var outside = null;
    events.forEach(function (e) {
      var named = processesOf(e);
      if (e.type === 'sent' && !e.from) { named = named.concat([{ pid: 'outside' }]); }
      named.forEach(function (p) {
        if (p && !p.path && !outside) {
          outside = { key: 'outside', path: null, label: 'outside the tree', depth: 0, node: null, segments: [],
                      marks: [], slices: [], kind: 'outside', index: 0 };
        }
      });
    });
    if (outside) { lanes.push(outside); byKey.set('outside', outside); }
    lanes.forEach(function (lane, i) { lane.index = i; });
    return { list: lanes, byKey: byKey };
  }

  function processesOf(e) {
    switch (e.type) {
      case 'spawned': case 'started': case 'exited': case 'user_call': return [e.process];
      case 'sent': return [e.from, e.to];
      case 'delivered': case 'message_dropped': return [e.to];
      case 'handled': return [e.by];
      case 'call_started': return [e.caller, e.callee];
      case 'call_replied': case 'call_timed_out': case 'call_failed': return [e.caller];
      case 'restart_decided': case 'supervisor_gave_up': return [e.supervisor];
      case 'message_lost': return [e.in];
      case 'fault_fired': return [e.target];
      default: return [];
    }
  }

  function laneOf(lanes, p) {
    if (!p) { return lanes.byKey.get('outside') || null; }
    return lanes.byKey.get(p.path ? p.path : 'outside') || null;
  }

  function build(data) {
    var trace = Trace.read(data.trace);
    var events = trace.events;
    var byId = new Map();
    // Events at one virtual instant are drawn a few pixels apart, in their order (rank within the instant).
    events.forEach(function (e, i) {
      e.order = i;
      e.rank = i > 0 && events[i - 1].t === e.t ? events[i - 1].rank + 1 : 0;
      byId.set(e.id, e);
    });
    var tree = trace.tree || { path: trace.name || 'run', id: trace.name || 'run', kind: 'supervisor', children: [] };
    var lanes = lanesOf(tree, events);
    var end = events.length ? events[events.length - 1].t : 0;
    if (data.run && typeof data.run.duration_ms === 'number') { end = Math.max(end, data.run.duration_ms); }
    var start = events.length ? Math.min(0, events[0].t) : 0;

    // Incarnations: a pid's segment from its first event to its exit.
    var segments = new Map();
    var messages = new Map();
    events.forEach(function (e) {
      processesOf(e).forEach(function (p) {
        if (!p || !p.path) { return; }
        var s = segments.get(p.pid);
        if (!s) {
          s = { pid: p.pid, path: p.path, incarnation: 0, from: e.t, first: e, to: null, exit: null };
          segments.set(p.pid, s);
          laneOf(lanes, p).segments.push(s);
        }
        if (p.incarnation > s.incarnation) { s.incarnation = p.incarnation; }
      });
      var lane;
      switch (e.type) {
        case 'exited':
          var s = segments.get(e.process.pid);
          if (s) { s.to = e.t; s.exit = e; }
          lane = laneOf(lanes, e.process);
          if (lane) { lane.marks.push({ kind: abnormal(e.reason) ? 'crash' : 'exit', event: e }); }
          break;
        case 'sent':
          messages.set(e.id, { sent: e, delivered: null, handled: null, lost: null, dropped: null });
          break;
        case 'delivered': var m = messages.get(e.message); if (m) { m.delivered = e; } break;
        case 'handled':
          var h = messages.get(e.message); if (h) { h.handled = e; }
          if (e.took_ms > 0 || e.crashed) { lane = laneOf(lanes, e.by); if (lane) { lane.slices.push(e); } }
          break;
        case 'message_lost': var l = messages.get(e.message); if (l) { l.lost = e; } break;
        case 'message_dropped': var d = messages.get(e.message); if (d) { d.dropped = e; } break;
        case 'restart_decided': lane = laneOf(lanes, e.supervisor); if (lane) { lane.marks.push({ kind: 'restart', event: e }); } break;
        case 'supervisor_gave_up': lane = laneOf(lanes, e.supervisor); if (lane) { lane.marks.push({ kind: 'gave-up', event: e }); } break;
        case 'fault_fired': lane = laneOf(lanes, e.target); if (lane) { lane.marks.push({ kind: 'fault', event: e }); } break;
        case 'start_failed': lane = lanes.byKey.get(e.path); if (lane) { lane.marks.push({ kind: 'start-failed', event: e }); } break;
        case 'start_ignored': lane = lanes.byKey.get(e.path); if (lane) { lane.marks.push({ kind: 'ignored', event: e }); } break;
        case 'fault_skipped': lane = lanes.byKey.get(e.path); if (lane) { lane.marks.push({ kind: 'fault-skipped', event: e }); } break;
        case 'call_timed_out': lane = laneOf(lanes, e.caller); if (lane) { lane.marks.push({ kind: 'timeout', event: e }); } break;
        default: break;
      }
    });
    return {
      data: data, run: data.run || {}, tree: tree, events: events, byId: byId, lanes: lanes,
      messages: Array.from(messages.values()), start: start, end: end, trace: trace,
      explanations: data.explanations || [], verdicts: data.verdicts || [], ledger: trace.ledger,
      accounting: trace.accounting, leftOut: trace.leftOut
    };
  }

  function abnormal(reason) {
    return !(reason === 'normal' || reason === 'shutdown' || /^shutdown:/.test(reason || '') || reason === '{shutdown,_}');
  }

  // The ids of every event on the causal chains of the explanations and the verdicts, and the lanes
  // they touch with their supervisors: what stays unfolded in a large run.
  function causalLanes(model) {
    var keep = new Set();
    function chain(id) {
      var guard = 0;
      while (id && guard++ < 100000) {
        var e = model.byId.get(id);
        if (!e) { return; }
        processesOf(e).forEach(function (p) { var lane = laneOf(model.lanes, p); if (lane) { keep.add(lane.key); } });
        if (e.type === 'start_failed' && model.lanes.byKey.has(e.path)) { keep.add(e.path); }
        if (e.type === 'supervisor_gave_up') { (e.counted || []).forEach(function (c) { if (c !== id) { chain(c); } }); }
        id = e.cause && e.cause < id ? e.cause : 0;
      }
    }
    model.explanations.forEach(function (x) {
      if (x.about) { chain(x.about); }
      (x.steps || []).forEach(function (s) { (s.events || []).forEach(chain); });
    });
    model.verdicts.forEach(function (v) { (v.events || []).forEach(chain); });
    // Supervisors of what is kept, up to the root.
    Array.from(keep).forEach(function (key) {
      var path = key;
      while (path && path.indexOf('/') > 0) { path = path.substring(0, path.lastIndexOf('/')); keep.add(path); }
    });
    return keep;
  }

  return { build: build, causalLanes: causalLanes, processesOf: processesOf, laneOf: laneOf, processKey: processKey,
           abnormal: abnormal, ms: ms };
})();
