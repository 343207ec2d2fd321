// The swimlanes: one lane per process in tree order, incarnations as segments on a virtual-ms axis
// (or in event order), message arrows from send to delivery, ✕ for lost and dropped messages,
// crash / restart / give-up / fault marks, intensity windows shaded. Large runs fold the lanes off
// the causal path and draw at most a cap of arrows per pair of lanes; the notice says what was left out.
var Lanes = (function () {
  'use strict';
  var esc = Describe.escape;
  var ROW = 30, FOLDED_ROW = 18, TOP = 28, LABEL_W = 230;
  var LIMITS = { foldAboveEvents: 5000, foldAboveLanes: 40, arrows: 2000, marksPerLane: 300, slicesPerLane: 300 };

  function ids(list) { return list.filter(function (x) { return x; }).join(' '); }

  // What is drawn: lanes (folded or not), rows, arrows (sampled per pair), and what was left out.
  function plan(model, state) {
    var large = model.events.length > LIMITS.foldAboveEvents || model.lanes.list.length > LIMITS.foldAboveLanes;
    var keep = large ? Model.causalLanes(model) : null;
    var rows = [];
    var group = null;
    var folded = 0;
    model.lanes.list.forEach(function (lane) {
      var fold = keep && !keep.has(lane.key) && !state.unfolded.has(lane.key);
      if (fold) {
        folded++;
        if (!group) { group = { folded: true, lanes: [], y: 0 }; rows.push(group); }
        group.lanes.push(lane);
        lane.row = group;
      } else {
        group = null;
        var row = { folded: false, lanes: [lane], y: 0 };
        rows.push(row);
        lane.row = row;
      }
    });
    var y = TOP;
    rows.forEach(function (row) { var h = row.folded ? FOLDED_ROW : ROW; row.y = y + h / 2; row.h = h; y += h; });

    var onChain = new Set();
    if (large) {
      model.explanations.forEach(function (x) { (x.steps || []).forEach(function (s) { (s.events || []).forEach(function (id) { onChain.add(id); }); }); });
    }
    var delivered = model.messages.filter(function (m) { return m.delivered; });
    var pairs = new Map();
    var hidden = 0;
    delivered.forEach(function (m) {
      var from = Model.laneOf(model.lanes, m.sent.from), to = Model.laneOf(model.lanes, m.sent.to);
      if (!from || !to) { return; }
      if (from.row.folded && to.row.folded) { hidden++; return; }
      var key = from.key + ' → ' + to.key;
      var pair = pairs.get(key);
      if (!pair) { pair = { key: key, list: [] }; pairs.set(key, pair); }
      pair.list.push(m);
    });
    var arrows = [], summaries = [];
    var cap = delivered.length <= LIMITS.arrows ? Infinity : Math.max(10, Math.floor(LIMITS.arrows / Math.max(1, pairs.size)));
    pairs.forEach(function (pair) {
      if (pair.list.length <= cap) { Array.prototype.push.apply(arrows, pair.list); return; }
      var step = pair.list.length / cap, drawn = 0;
      pair.list.forEach(function (m, i) {
        if (Math.floor(i / step) !== Math.floor((i - 1) / step) || onChain.has(m.sent.id) || m.lost) { arrows.push(m); drawn++; }
      });
      summaries.push({ pair: pair.key, total: pair.list.length, drawn: drawn, first: pair.list[0], last: pair.list[pair.list.length - 1] });
    });
    return { rows: rows, height: y + 8, arrows: arrows, summaries: summaries, hiddenArrows: hidden, folded: folded,
             large: large, delivered: delivered.length };
  }

  function scale(model, state, width) {
    var plotW = Math.max(200, width * state.zoom);
    if (state.order === 'events') {
      var n = Math.max(1, model.events.length - 1);
      var times = model.events.map(function (e) { return e.t; });
      var ofOrder = function (i) { return 12 + (i / n) * (plotW - 36); };
      var ofTime = function (t) { // the first event at or after t
        var lo = 0, hi = times.length - 1;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (times[mid] < t) { lo = mid + 1; } else { hi = mid; } }
        return ofOrder(lo);
      };
      return { width: plotW, x: function (e) { return ofOrder(e.order); }, xt: ofTime, span: n, order: true };
    }
    var span = Math.max(1e-6, model.end - model.start);
    var xt = function (t) { return 12 + ((t - model.start) / span) * (plotW - 72); };
    return { width: plotW, x: function (e) { return xt(e.t) + Math.min(e.rank, 16) * 3; }, xt: xt, span: span, order: false };
  }

  function axis(model, s, out) {
    var ticks = 10 * Math.max(1, Math.round(s.width / 1100));
    if (s.order) {
      var stepE = niceStep(s.span / ticks);
      for (var i = 0; i <= s.span; i += stepE) {
        var xe = 12 + (i / s.span) * (s.width - 24);
        out.push('<line class="tick" x1="' + xe + '" y1="' + (TOP - 6) + '" x2="' + xe + '" y2="100%"/>',
                 '<text class="tick-label" x="' + xe + '" y="' + (TOP - 10) + '">#' + (i + 1) + '</text>');
      }
      return;
    }
    var step = niceStep(s.span / ticks);
    for (var t = Math.ceil(model.start / step) * step; t <= model.end + 1e-9; t += step) {
      var x = s.xt(t);
      out.push('<line class="tick" x1="' + x + '" y1="' + (TOP - 6) + '" x2="' + x + '" y2="100%"/>',
               '<text class="tick-label" x="' + x + '" y="' + (TOP - 10) + '">' + esc(Describe.time(round(t))) + '</text>');
    }
  }

  function round(t) { return Math.round(t * 1000) / 1000; }

  function niceStep(raw) {
    var p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    var f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  // The windows in which a supervisor's restarts count against its intensity.
  function windows(model, lane, s, out) {
    var node = lane.node;
    var restarts = lane.marks.filter(function (m) { return m.kind === 'restart'; });
    var period = node && node.period_ms;
    if (period && restarts.length) {
      var spans = [];
      restarts.forEach(function (m) {
        var last = spans[spans.length - 1];
        if (last && m.event.t <= last.to) { last.to = m.event.t + period; last.n++; } else { spans.push({ from: m.event.t, to: m.event.t + period, n: 1 }); }
      });
      spans.forEach(function (w) {
        // A restarted supervisor starts counting afresh: the window ends with the incarnation that counted.
        var owner = lane.segments.filter(function (seg) { return seg.from <= w.from && (seg.to === null || seg.to >= w.from); }).pop();
        if (owner && owner.to !== null) { w.to = Math.min(w.to, owner.to); }
        var x1 = s.xt(w.from), x2 = s.xt(Math.min(w.to, model.end));
        out.push('<rect class="window" x="' + x1 + '" y="' + (lane.row.y - ROW / 2 + 1) + '" width="' + Math.max(2, x2 - x1)
          + '" height="' + (ROW - 2) + '"><title>' + esc(w.n + ' restart' + (w.n > 1 ? 's' : '') + ' counting against intensity '
          + node.intensity + ' in ' + Describe.time(period) + ', from ' + Describe.time(round(w.from)) + ' to ' + Describe.time(round(w.to))) + '</title></rect>');
      });
    }
    lane.marks.filter(function (m) { return m.kind === 'gave-up'; }).forEach(function (m) {
      var e = m.event, from = e.t - (e.period_ms || 0);
      var x1 = s.xt(Math.max(model.start, from)), x2 = s.xt(e.t);
      out.push('<rect class="window broken" data-ev="' + ids([e.id].concat(e.counted || [])) + '" x="' + x1 + '" y="' + (lane.row.y - ROW / 2 + 1)
        + '" width="' + Math.max(3, x2 - x1) + '" height="' + (ROW - 2) + '"><title>' + esc(e.restarts + ' restarts within '
        + Describe.time(e.period_ms) + ' > intensity ' + e.intensity + ': the supervisor gave up') + '</title></rect>');
    });
  }

  var SHAPES = {
    crash: function (x, y) { return '<path d="M' + x + ' ' + (y - 7) + 'l7 7l-7 7l-7 -7z"/>'; },
    exit: function (x, y) { return '<rect x="' + (x - 1.5) + '" y="' + (y - 8) + '" width="3" height="16"/>'; },
    restart: function (x, y) { return '<circle cx="' + x + '" cy="' + y + '" r="6"/><path class="inner" d="M' + (x - 2) + ' ' + (y - 3) + 'l5 3l-5 3z"/>'; },
    'gave-up': function (x, y) { return '<rect x="' + (x - 7) + '" y="' + (y - 7) + '" width="14" height="14"/><path class="inner" d="M' + (x - 4) + ' ' + (y - 4) + 'l8 8M' + (x + 4) + ' ' + (y - 4) + 'l-8 8"/>'; },
    fault: function (x, y) { return '<path d="M' + x + ' ' + (y - 9) + 'l7 12h-14z"/>'; },
    'fault-skipped': function (x, y) { return '<path d="M' + x + ' ' + (y - 9) + 'l7 12h-14z"/>'; },
    'start-failed': function (x, y) { return '<path d="M' + x + ' ' + (y - 7) + 'l7 7l-7 7l-7 -7z"/>'; },
    ignored: function (x, y) { return '<circle cx="' + x + '" cy="' + y + '" r="5"/>'; },
    timeout: function (x, y) { return '<path d="M' + (x - 5) + ' ' + (y - 7) + 'h10l-10 14h10z"/>'; },
    lost: function (x, y) { return '<path d="M' + (x - 6) + ' ' + (y - 6) + 'l12 12M' + (x + 6) + ' ' + (y - 6) + 'l-12 12"/>'; }
  };

  function lane(model, laneData, s, out, counts) {
    var row = laneData.row;
    var y = row.y;
    if (row.folded) { return; }
    out.push('<g class="lane" data-lane="' + esc(laneData.key) + '">');
    out.push('<line class="lane-line" x1="0" y1="' + y + '" x2="' + s.width + '" y2="' + y + '"/>');
    windows(model, laneData, s, out);
    laneData.segments.slice(0, 500).forEach(function (seg) {
      var x1 = s.x(seg.first);
      var x2 = seg.exit ? s.x(seg.exit) : s.width - 12;
      var text = (seg.incarnation > 0 ? seg.path + '#' + seg.incarnation : seg.path + ' (never started)') + ' ' + seg.pid + ', from '
        + Describe.time(round(seg.from)) + (seg.exit ? ' to ' + Describe.time(round(seg.to)) + ', exited ' + seg.exit.reason : ', alive at the end');
      out.push('<rect class="segment' + (seg.incarnation > 0 ? '' : ' starting') + (seg.exit && Model.abnormal(seg.exit.reason) ? ' crashed' : '')
        + '" x="' + x1 + '" y="' + (y - 6) + '" width="' + Math.max(2, x2 - x1) + '" height="12"><title>' + esc(text) + '</title></rect>');
      if (x2 - x1 > 26) {
        out.push('<text class="segment-label" x="' + (x1 + 4) + '" y="' + (y + 4) + '">' + (seg.incarnation > 0 ? '#' + seg.incarnation : '…') + '</text>');
      }
    });
    var slices = laneData.slices;
    var every = Math.max(1, Math.ceil(slices.length / LIMITS.slicesPerLane));
    for (var i = 0; i < slices.length; i += every) {
      var h = slices[i], x2 = s.x(h), x1 = s.order ? x2 - 3 : Math.min(x2 - 2, s.xt(h.t - h.took_ms) + Math.min(h.rank, 16) * 3);
      out.push('<rect class="slice' + (h.crashed ? ' crashed' : '') + '" data-ev="' + h.id + '" x="' + x1 + '" y="' + (y + 7) + '" width="'
        + Math.max(2, x2 - x1) + '" height="5"><title>' + esc(Describe.event(h, model)) + '</title></rect>');
    }
    if (every > 1) { counts.slices += slices.length - Math.ceil(slices.length / every); }
    var byKind = {};
    laneData.marks.forEach(function (m) {
      byKind[m.kind] = (byKind[m.kind] || 0) + 1;
      if (byKind[m.kind] > LIMITS.marksPerLane) { counts.marks++; return; }
      var x = s.x(m.event);
      out.push('<g class="mark ' + m.kind + '" id="ev-' + m.event.id + '" data-ev="' + m.event.id + '">' + SHAPES[m.kind](x, y)
        + '<title>' + esc(Describe.time(round(m.event.t)) + ': ' + Describe.event(m.event, model)) + '</title></g>');
    });
    out.push('</g>');
  }

  function arrows(model, p, s, out) {
    p.arrows.forEach(function (m) {
      var from = Model.laneOf(model.lanes, m.sent.from).row, to = Model.laneOf(model.lanes, m.sent.to).row;
      var x1 = s.x(m.sent), x2 = s.x(m.delivered), y1 = from.y, y2 = to.y;
      if (y1 === y2) { y1 -= 5; y2 -= 5; }
      var signal = m.sent.message_type === 'EXIT' || m.sent.message_type === 'DOWN';
      out.push('<line class="arrow' + (signal ? ' signal' : '') + (m.lost ? ' was-lost' : '') + '" id="ev-' + m.sent.id + '" data-ev="' + ids([m.sent.id, m.delivered.id, m.handled && m.handled.id])
        + '" x1="' + x1 + '" y1="' + y1 + '" x2="' + x2 + '" y2="' + (y2 + (y2 > y1 ? -4 : 4)) + '"><title>' + esc(Describe.time(round(m.sent.t)) + ': '
        + Describe.event(m.sent, model) + (m.lost ? ' (later lost)' : m.handled ? '' : ' (not handled)')) + '</title></line>');
    });
  }

  function losses(model, s, out, counts) {
    var perLane = new Map();
    model.messages.forEach(function (m) {
      var e = m.lost || m.dropped;
      if (!e) { return; }
      var laneData = Model.laneOf(model.lanes, m.lost ? e.in : e.to);
      if (!laneData) { return; }
      var n = (perLane.get(laneData.key) || 0) + 1;
      perLane.set(laneData.key, n);
      if (n > LIMITS.marksPerLane) { counts.losses++; return; }
      var y = laneData.row.y, x = s.x(e);
      if (m.dropped) {
        var from = Model.laneOf(model.lanes, m.sent.from);
        if (from) {
          out.push('<line class="drop-arrow" data-ev="' + m.sent.id + '" x1="' + s.x(m.sent) + '" y1="' + from.row.y + '" x2="' + x + '" y2="' + y + '"/>');
        }
      }
      var why = m.lost ? Describe.event(e, model) : Describe.event(e, model);
      out.push('<g class="lost-mark ' + (m.lost ? 'lost' : 'dropped') + '" id="ev-' + e.id + '" data-ev="' + ids([e.id, m.sent.id]) + '" data-msg="'
        + m.sent.id + '">' + SHAPES.lost(x, y) + '<title>' + esc(Describe.time(round(e.t)) + ': ' + why) + '</title></g>');
    });
  }

  function labels(model, p) {
    var out = ['<svg class="labels" width="' + LABEL_W + '" height="' + p.height + '" viewBox="0 0 ' + LABEL_W + ' ' + p.height + '">'];
    p.rows.forEach(function (row) {
      if (row.folded) {
        var names = row.lanes.map(function (l) { return l.label; });
        out.push('<g class="fold" data-fold="' + esc(row.lanes.map(function (l) { return l.key; }).join('\n')) + '" tabindex="0" role="button">'
          + '<rect x="0" y="' + (row.y - row.h / 2 + 1) + '" width="' + LABEL_W + '" height="' + (row.h - 2) + '"/>'
          + '<text x="6" y="' + (row.y + 4) + '">▸ ' + row.lanes.length + ' lane' + (row.lanes.length > 1 ? 's' : '') + ' folded (show)</text>'
          + '<title>' + esc('Off the causal path, folded: ' + names.slice(0, 30).join(', ') + (names.length > 30 ? ' and ' + (names.length - 30) + ' more' : '')) + '</title></g>');
        return;
      }
      var l = row.lanes[0];
      var kind = l.kind === 'supervisor' ? 'sup' : l.kind === 'outside' ? 'out' : 'wrk';
      var name = l.path ? (l.depth > 0 ? l.path.substring(l.path.lastIndexOf('/') + 1) : l.path) : l.label;
      out.push('<g class="lane-label ' + kind + '"><text x="' + (6 + l.depth * 12) + '" y="' + (row.y + 4) + '">'
        + (kind === 'sup' ? '■ ' : kind === 'wrk' ? '● ' : '○ ') + esc(name) + '</text><title>' + esc(l.label) + '</title></g>');
    });
    out.push('</svg>');
    return out.join('');
  }

  function render(model, state, width) {
    var p = plan(model, state);
    var s = scale(model, state, width - LABEL_W - 4);
    var counts = { marks: 0, losses: 0, slices: 0 };
    var out = ['<svg class="plot" xmlns="http://www.w3.org/2000/svg" width="' + s.width + '" height="' + p.height + '" viewBox="0 0 ' + s.width + ' ' + p.height + '">',
      '<defs><marker id="head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L8 4L0 8z"/></marker>',
      '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6"/></pattern></defs>'];
    axis(model, s, out);
    p.rows.forEach(function (row) {
      if (row.folded) { out.push('<rect class="folded-row" x="0" y="' + (row.y - row.h / 2 + 1) + '" width="' + s.width + '" height="' + (row.h - 2) + '"/>'); }
    });
    model.lanes.list.forEach(function (l) { lane(model, l, s, out, counts); });
    arrows(model, p, s, out);
    losses(model, s, out, counts);
    out.push('</svg>');
    return { labels: labels(model, p), plot: out.join(''), plan: p, counts: counts };
  }

  // What the page left out of the drawing, in words.
  function notice(model, r) {
    var lines = [];
    var p = r.plan;
    if (p.folded) {
      lines.push(p.folded + ' of ' + model.lanes.list.length + ' lanes are off the causal path and folded (click a folded row to show its lanes).');
    }
    if (p.hiddenArrows) { lines.push(p.hiddenArrows + ' messages between folded lanes are not drawn.'); }
    if (p.summaries.length) {
      var total = p.summaries.reduce(function (a, x) { return a + x.total - x.drawn; }, 0);
      lines.push(total + ' more messages are summarised: ' + p.summaries.slice(0, 8).map(function (x) {
        return x.pair + ': ' + x.drawn + ' of ' + x.total + ' drawn (' + Describe.time(round(x.first.sent.t)) + ' – ' + Describe.time(round(x.last.sent.t)) + ')';
      }).join('; ') + (p.summaries.length > 8 ? '; and ' + (p.summaries.length - 8) + ' more pairs' : '') + '.');
    }
    if (r.counts.losses) { lines.push(r.counts.losses + ' more ✕ marks (beyond ' + LIMITS.marksPerLane + ' per lane) are not drawn; the accounting below lists them.'); }
    if (r.counts.marks) { lines.push(r.counts.marks + ' more lifecycle marks (beyond ' + LIMITS.marksPerLane + ' of a kind per lane) are not drawn.'); }
    if (r.counts.slices) { lines.push(r.counts.slices + ' handling slices are not drawn (at most ' + LIMITS.slicesPerLane + ' per lane).'); }
    var page = model.data.page;
    if (page && page.cap_per_pair) {
      var out = Object.keys(page.left_out).map(function (k) { return page.left_out[k] + ' ' + k; }).join(', ');
      lines.push('This page holds ' + model.events.length + ' of the run\'s ' + page.events + ' events: beyond ' + page.cap_per_pair
        + ' messages per pair of processes, ordinary messages were sampled and the rest left out (' + out + '). Lost and dropped messages and the explained events are all here; '
        + 'the full trace is ' + page.trace_file + ', beside this page. The accounting below counts every message.');
    }
    var left = model.leftOut;
    if (left && left.events) {
      lines.push('The trace is bounded: ' + left.events + ' events were not kept (' + Object.keys(left.by_type).map(function (k) { return left.by_type[k] + ' ' + k; }).join(', ') + ').');
    }
    return lines;
  }

  return { render: render, notice: notice, LIMITS: LIMITS, SHAPES: SHAPES, LABEL_W: LABEL_W };
})();
