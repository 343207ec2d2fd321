// One line of text per event, and small formatting helpers shared by the sections.
var Describe = (function () {
  'use strict';

  function who(p) {
    if (!p) { return 'outside'; }
    if (!p.path) { return p.pid; }
    return p.incarnation > 0 ? p.path + '#' + p.incarnation : p.path + ' (starting)';
  }

  function time(msValue) {
    if (msValue === undefined || msValue === null) { return ''; }
    if (Math.abs(msValue) >= 10000 || (Math.abs(msValue) >= 1000 && msValue % 1000 === 0)) {
      return (msValue / 1000).toFixed(msValue % 1000 === 0 ? 0 : 2) + ' s';
    }
    if (msValue === Math.round(msValue)) { return msValue + ' ms'; }
    return msValue.toFixed(3).replace(/0+$/, '') + ' ms';
  }

  var DROPS = {
    no_process: 'its receiver was not alive', late_reply: 'a reply that came after the call timed out',
    rejected_full: 'the mailbox was full; rejected to the sender', dropped_newest: 'the mailbox was full; the newest was dropped',
    dropped_oldest: 'the mailbox was full; the oldest was dropped to make room', fault: 'a fault of the plan dropped it'
  };

  function event(e, model) {
    var m = e.message !== undefined && model ? model.byId.get(e.message) : null;
    var what = m && m.type === 'sent' ? '"' + m.message + '"' : 'message #' + e.message;
    switch (e.type) {
      case 'spawned': return who(e.process) + ' spawned' + (e.parent ? ' by ' + who(e.parent) : '');
      case 'started': return who(e.process) + ' started';
      case 'start_ignored': return e.path + ': start returned ignore';
      case 'start_failed': return e.path + ' failed to start: ' + e.reason;
      case 'sent': return who(e.from) + ' sent "' + e.message + '" to ' + who(e.to);
      case 'delivered': return what + ' delivered to ' + who(e.to);
      case 'handled': return who(e.by) + ' handled ' + what + ' in ' + time(e.took_ms) + (e.crashed ? ' and died' : '');
      case 'call_started': return who(e.caller) + ' called ' + who(e.callee) + ' with "' + e.request + '"'
        + (e.timeout_ms === undefined ? ' (no timeout)' : ' (timeout ' + time(e.timeout_ms) + ')');
      case 'call_replied': return who(e.caller) + ' got the reply to call #' + e.call;
      case 'call_timed_out': return who(e.caller) + "'s call #" + e.call + ' timed out';
      case 'call_failed': return who(e.caller) + "'s call #" + e.call + ' failed: ' + e.reason;
      case 'exited': return who(e.process) + ' exited ' + e.reason;
      case 'restart_decided': return who(e.supervisor) + ' restarts ' + e.child
        + (e.group && e.group.length > 1 ? ' with ' + e.group.filter(function (g) { return g !== e.child; }).join(', ') : '');
      case 'supervisor_gave_up': return who(e.supervisor) + ' gave up restarting ' + e.child + ' (' + e.restarts
        + ' restarts > intensity ' + e.intensity + ' in ' + time(e.period_ms) + ')';
      case 'message_dropped': return what + ' to ' + who(e.to) + ' dropped: ' + (DROPS[e.reason] || e.reason);
      case 'message_lost': return what + ' from ' + who(e.from) + ' lost: still queued when ' + who(e.in) + ' died';
      case 'user_call': return who(e.process) + ' spent ' + time(e.took_ms) + ' in ' + e.method + '(' + e.arguments + ')'
        + (e.thrown ? ', which threw ' + e.thrown : '');
      case 'fault_fired': return 'fault #' + e.fault + ' ' + e.description + ' hit ' + who(e.target) + (e.detail ? ' (' + e.detail + ')' : '');
      case 'fault_skipped': return 'fault #' + e.fault + ' ' + e.description + ' skipped: ' + e.why;
      default: return e.type;
    }
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  return { event: event, who: who, time: time, escape: escape, drops: DROPS };
})();
