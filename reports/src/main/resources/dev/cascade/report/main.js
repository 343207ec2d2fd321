// Draws the report from the inline data and wires the controls. When it is done, <html> carries
// data-rendered="<ms since navigation start>" (after a forced layout) and counts of what it drew.
(function () {
  'use strict';
  var root = document.getElementById('report');
  var state = { zoom: 1, order: 'time', unfolded: new Set(), highlighted: [] };
  var model;

  function width() {
    return Math.max(700, Math.min(document.documentElement.clientWidth || 1200, 1600) - 48);
  }

  function drawLanes() {
    var r = Lanes.render(model, state, width());
    document.getElementById('lane-labels').innerHTML = r.labels;
    document.getElementById('lane-plot').innerHTML = r.plot;
    var notice = Lanes.notice(model, r);
    var box = document.getElementById('folded');
    box.innerHTML = notice.map(function (line) { return '<li>' + Describe.escape(line) + '</li>'; }).join('');
    box.hidden = notice.length === 0;
    document.getElementById('zoom-level').textContent = state.zoom === 1 ? 'fit' : state.zoom + '×';
    highlight(state.highlighted, false);
  }

  function swimlanes() {
    return '<section id="lanes"><h2>Swimlanes</h2>'
      + '<div class="controls"><span>Axis:</span> <label><input type="radio" name="order" value="time" checked> virtual time</label> '
      + '<label><input type="radio" name="order" value="events"> event order</label> '
      + '<span class="zoom">Zoom: <button type="button" data-zoom="out" aria-label="zoom out">−</button> <span id="zoom-level">fit</span> '
      + '<button type="button" data-zoom="in" aria-label="zoom in">+</button> <button type="button" data-zoom="fit">fit</button></span></div>'
      + Sections.legend()
      + '<ul id="folded" class="notice" hidden></ul>'
      + '<div class="lanes-box"><div id="lane-labels"></div><div id="lane-plot" class="plot-scroll"></div></div></section>';
  }

  // Marks the drawn elements of these events, and (when asked) scrolls the first into view.
  function highlight(ids, scroll) {
    Array.prototype.forEach.call(document.querySelectorAll('.hl'), function (el) { el.classList.remove('hl'); });
    state.highlighted = ids;
    var first = null;
    ids.forEach(function (id) {
      Array.prototype.forEach.call(document.querySelectorAll('#lane-plot [data-ev~="' + id + '"]'), function (el) {
        el.classList.add('hl');
        if (!first) { first = el; }
      });
    });
    if (scroll) {
      document.getElementById('lanes').scrollIntoView();
      if (first) {
        var box = document.getElementById('lane-plot');
        var r = first.getBoundingClientRect(), b = box.getBoundingClientRect();
        box.scrollLeft += r.left - b.left - b.width / 3;
      }
    }
    return first;
  }

  // Unfolds the lanes of events that are folded away, so a link always lands on something drawn.
  function reveal(ids) {
    var changed = false;
    ids.forEach(function (id) {
      var e = model.byId.get(id);
      if (!e) { return; }
      Model.processesOf(e).forEach(function (p) {
        var lane = Model.laneOf(model.lanes, p);
        if (lane && lane.row && lane.row.folded && !state.unfolded.has(lane.key)) { state.unfolded.add(lane.key); changed = true; }
      });
    });
    if (changed) { drawLanes(); }
  }

  function wire() {
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-ev].show-events, a.event-link');
      if (target) {
        event.preventDefault();
        var ids = target.getAttribute('data-ev').split(' ').filter(Boolean).map(Number);
        reveal(ids);
        highlight(ids, true);
        return;
      }
      var fold = event.target.closest('.fold');
      if (fold) {
        fold.getAttribute('data-fold').split('\n').forEach(function (key) { state.unfolded.add(key); });
        drawLanes();
        return;
      }
      var zoom = event.target.closest('[data-zoom]');
      if (zoom) {
        var how = zoom.getAttribute('data-zoom');
        state.zoom = how === 'fit' ? 1 : how === 'in' ? Math.min(256, state.zoom * 2) : Math.max(1, state.zoom / 2);
        drawLanes();
        return;
      }
      if (event.target.id === 'copy-replay') {
        var text = document.getElementById('replay').textContent;
        var done = function () { event.target.textContent = 'copied'; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { select(); });
        } else { select(); }
      }
    });
    root.addEventListener('change', function (event) {
      if (event.target.name === 'order') { state.order = event.target.value; drawLanes(); }
    });
  }

  function select() {
    var range = document.createRange();
    range.selectNodeContents(document.getElementById('replay'));
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.getElementById('copy-replay').textContent = 'selected: press Ctrl+C';
  }

  try {
    var data = JSON.parse(document.getElementById('cascade-data').textContent);
    model = Model.build(data);
    document.title = (model.trace.name || 'run') + ' — Cascade report';
    root.innerHTML = Sections.header(model) + Sections.explanation(model) + Sections.tree(model) + swimlanes()
      + Sections.ledger(model) + Sections.accounting(model) + Sections.verdicts(model);
    // The view a link asks for: report.html#order=events&zoom=4, and #ev-28 (as a failure message may
    // print it) for one event highlighted.
    var linked = null;
    window.location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var kv = part.split('=');
      if (kv[0] === 'order' && (kv[1] === 'events' || kv[1] === 'time')) { state.order = kv[1]; }
      if (kv[0] === 'zoom' && Number(kv[1]) >= 1) { state.zoom = Math.min(256, Number(kv[1])); }
      if (/^ev-\d+$/.test(kv[0])) { linked = Number(kv[0].substring(3)); }
    });
    drawLanes();
    Array.prototype.forEach.call(document.querySelectorAll('input[name="order"]'), function (radio) {
      radio.checked = radio.value === state.order;
      radio.toggleAttribute('checked', radio.checked);
    });
    wire();
    if (linked) {
      reveal([linked]);
      highlight([linked], false);
    }
    var html = document.documentElement;
    html.setAttribute('data-lanes', String(document.querySelectorAll('#lane-plot .lane').length));
    html.setAttribute('data-arrows', String(document.querySelectorAll('#lane-plot .arrow').length));
    html.setAttribute('data-lost-marks', String(document.querySelectorAll('#lane-plot .lost-mark').length));
    void document.body.offsetHeight; // layout included in the figure
    html.setAttribute('data-rendered', performance.now().toFixed(1));
  } catch (failed) {
    root.innerHTML = '<p class="warning">The report could not be drawn: ' + Describe.escape(failed && failed.message) + '</p>';
    window.cascadeKeepError('render failed: ' + (failed && failed.stack || failed));
  }
})();
