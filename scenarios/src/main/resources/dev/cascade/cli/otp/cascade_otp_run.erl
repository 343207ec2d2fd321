%% Runs one cascade-scenario/1 file on real OTP supervisors and gen_servers and writes the
%% cascade-outcome/1 it produced (scenario-format.md): fault time zero on a whole second of OTP's
%% monotonic clock, faults from a process outside the tree, events in the order they happened
%% (by strict monotonic timestamps: starts recorded where they return, exits from process
%% tracing at the moment each process exits), the canonical order after a killed supervisor,
%% and the final incarnations settle_ms after the last fault.
-module(cascade_otp_run).
-export([run/2, start_returned/4, attempt/2, trace_me/1, before_init/3]).

run(In, Out) ->
    process_flag(trap_exit, true),
    {ok, Text} = file:read_file(In),
    Scenario = cascade_otp_json:decode(Text),
    Tree = cascade_otp_json:get(<<"tree">>, Scenario),
    Events = ets:new(events, [ordered_set, public]),
    Run = #{tab => ets:new(state, [set, public]), events => Events,
            tracer => spawn_link(fun() -> collector(Events) end)},
    Paths = paths(<<>>, Tree),
    Started = cascade_otp_sup:start_link(cascade_otp_json:get(<<"id">>, Tree), Tree, Run),
    Ready = erlang:monotonic_time(millisecond),
    {T0, Final, EndNs} =
        case Started of
            {ok, Root} ->
                Zero = (floor_div(Ready, 1000) + 1) * 1000,   % a whole second of OTP's restart clock
                Faults = cascade_otp_json:get(<<"faults">>, Scenario),
                LastAt = lists:max([0 | [cascade_otp_json:get(<<"at_ms">>, F) || F <- Faults]]),
                End = Zero + LastAt + cascade_otp_json:get(<<"settle_ms">>, Scenario),
                Injector = spawn_link(fun() -> inject(Zero, Faults, Run) end),
                sleep_until(End),
                Snapshot = [{P, incarnation(Run, P)} || P <- Paths],
                Ns = erlang:monotonic_time(nanosecond),
                flush_traces(Run),
                unlink(Root),
                exit(Injector, kill),
                exit(Root, kill),
                {Zero, Snapshot, Ns};
            _Failed ->
                await_tree_gone(Run),   % a supervisor killed in the clean-up leaves descendants still ending
                flush_traces(Run),
                {Ready, [{P, null} || P <- Paths], erlang:monotonic_time(nanosecond)}
        end,
    Recorded = [{Event, floor_div(Ns, 1000000) - T0} || {_, Ns, Event} <- ets:tab2list(Events), Ns =< EndNs],
    Resolved = lists:filtermap(fun(E) -> resolve(Run, E) end, Recorded),
    Ordered = cascade_otp_order:canonical(Resolved, Paths),
    Outcome = {obj, [{<<"format">>, <<"cascade-outcome/1">>},
                     {<<"scenario">>, cascade_otp_json:get(<<"name">>, Scenario)},
                     {<<"events">>, [event_json(E) || E <- Ordered]},
                     {<<"final">>, {obj, Final}}]},
    ok = file:write_file(Out, [cascade_otp_json:encode(Outcome), $\n]),
    exit(maps:get(tracer, Run), kill),
    ok.

%% Called where a start function returns, in the supervisor that called it.
start_returned(#{tab := Tab} = Run, Path, Kind, {ok, Pid}) ->
    Incarnation = ets:update_counter(Tab, {incarnation, Path}, 1, {{incarnation, Path}, 0}),
    ets:insert(Tab, [{{pid, Pid}, Path, Incarnation, Kind}, {{holder, Path}, Pid}]),
    record(Run, {started, Path, Incarnation});
start_returned(Run, Path, _Kind, ignore) ->
    record(Run, {ignored, Path});
start_returned(Run, Path, _Kind, {error, Reason}) ->
    record(Run, {start_failed, Path, Reason}).

%% The number of this start attempt of Path (1 = the first), failed and ignored ones included.
attempt(#{tab := Tab}, Path) ->
    ets:update_counter(Tab, {attempt, Path}, 1, {{attempt, Path}, 0}).

%% The start faults armed for Path (slow_start, failing_start), applied in the new process before
%% its init runs, in file order: every matching slow_start waits; a matching failing_start makes
%% the start fail with init_failed. Returns ok or {fail, init_failed}.
before_init(#{tab := Tab}, Path, Attempt) ->
    Rules = lists:sort(ets:match_object(Tab, {{rule, Path, '_'}, '_', '_', '_'})),
    lists:foldl(fun
        ({_, slow_start, Delay, Attempts}, Verdict) ->
            case lists:member(Attempt, Attempts) of
                true -> timer:sleep(Delay);
                false -> ok
            end,
            Verdict;
        ({_, failing_start, _, Attempts}, Verdict) ->
            case lists:member(Attempt, Attempts) of
                true -> {fail, init_failed};
                false -> Verdict
            end
    end, ok, Rules).

%% Has the calling process's exit recorded, timestamped at the moment it exits.
trace_me(#{tracer := Tracer}) ->
    erlang:trace(self(), true, [procs, strict_monotonic_timestamp, {tracer, Tracer}]).

record(#{events := Events}, Event) ->
    Ns = erlang:monotonic_time(nanosecond),
    ets:insert(Events, {erlang:unique_integer([monotonic]), Ns, Event}).

collector(Events) ->
    receive
        {trace_ts, Pid, exit, Reason, {Ns, Unique}} ->
            ets:insert(Events, {Unique, Ns, {exit, Pid, Reason}});
        {sync, From, Ref} ->
            From ! {Ref, synced};
        _Other ->
            ok
    end,
    collector(Events).

%% Waits until every process that held a path of the tree has ended.
await_tree_gone(#{tab := Tab}) ->
    Pids = [Pid || [Pid] <- ets:match(Tab, {{pid, '$1'}, '_', '_', '_'})],
    Monitors = [monitor(process, Pid) || Pid <- Pids],
    lists:foreach(fun(Ref) -> receive {'DOWN', Ref, process, _, _} -> ok end end, Monitors).

flush_traces(#{tracer := Tracer}) ->
    Ref = erlang:trace_delivered(all),
    receive {trace_delivered, all, Ref} -> ok end,
    Sync = make_ref(),
    Tracer ! {sync, self(), Sync},
    receive {Sync, synced} -> ok end.

inject(Zero, Faults, Run) ->
    Numbered = lists:zip(lists:seq(1, length(Faults)), Faults),
    Ordered = lists:sort([{cascade_otp_json:get(<<"at_ms">>, F), N, F} || {N, F} <- Numbered]),
    lists:foreach(fun({At, N, Fault}) -> sleep_until(Zero + At), apply_fault(N, Fault, Run) end, Ordered).

apply_fault(N, Fault, #{tab := Tab} = Run) ->
    Target = cascade_otp_json:get(<<"target">>, Fault),
    case cascade_otp_json:get(<<"kind">>, Fault) of
        <<"slow_start">> ->
            ets:insert(Tab, {{rule, Target, N}, slow_start, cascade_otp_json:get(<<"delay_ms">>, Fault),
                             cascade_otp_json:get(<<"attempts">>, Fault)});
        <<"failing_start">> ->
            ets:insert(Tab, {{rule, Target, N}, failing_start, 0, cascade_otp_json:get(<<"attempts">>, Fault)});
        Kind ->
            act(Kind, Target, Fault, Run)
    end.

act(Kind, Target, Fault, Run) ->
    Reason = reason_term(cascade_otp_json:get(<<"reason">>, Fault, <<"kill">>)),
    case holder(Run, Target) of
        none -> record(Run, {fault_skipped, Target});
        {ok, Pid} ->
            case Kind of
                <<"raise">> -> gen_server:cast(Pid, {cascade_fault, raise, Reason});
                <<"stop">> -> gen_server:cast(Pid, {cascade_fault, stop, Reason});
                <<"exit_signal">> -> exit(Pid, Reason);
                <<"kill">> -> exit(Pid, kill)
            end
    end.

holder(#{tab := Tab}, Path) ->
    case ets:lookup(Tab, {holder, Path}) of
        [{_, Pid}] ->
            case is_process_alive(Pid) of
                true -> {ok, Pid};
                false -> none
            end;
        [] -> none
    end.

incarnation(#{tab := Tab} = Run, Path) ->
    case holder(Run, Path) of
        {ok, Pid} -> ets:lookup_element(Tab, {pid, Pid}, 3);
        none -> null
    end.

resolve(#{tab := Tab}, {{exit, Pid, Reason}, T}) ->
    case ets:lookup(Tab, {pid, Pid}) of
        [{_, Path, N, worker}] -> {true, {{exited, Path, N, render(Reason)}, T}};
        [{_, Path, N, supervisor}] -> {true, {{supervisor_terminated, Path, N, render(Reason)}, T}};
        [] -> false                                  % a start that failed: no incarnation
    end;
resolve(_, {{start_failed, Path, Reason}, T}) -> {true, {{start_failed, Path, render(Reason)}, T}};
resolve(_, Event) -> {true, Event}.

event_json({Event, T}) ->
    Fields = case Event of
        {started, P, N} -> [{<<"type">>, <<"started">>}, {<<"path">>, P}, {<<"incarnation">>, N}];
        {start_failed, P, R} -> [{<<"type">>, <<"start_failed">>}, {<<"path">>, P}, {<<"reason">>, R}];
        {ignored, P} -> [{<<"type">>, <<"ignored">>}, {<<"path">>, P}];
        {exited, P, N, R} -> [{<<"type">>, <<"exited">>}, {<<"path">>, P}, {<<"incarnation">>, N}, {<<"reason">>, R}];
        {supervisor_terminated, P, N, R} ->
            [{<<"type">>, <<"supervisor_terminated">>}, {<<"path">>, P}, {<<"incarnation">>, N}, {<<"reason">>, R}];
        {fault_skipped, P} -> [{<<"type">>, <<"fault_skipped">>}, {<<"path">>, P}]
    end,
    {obj, Fields ++ [{<<"t_ms">>, T}]}.

%% The outcome's spelling of an exit reason.
render({shutdown, {failed_to_start_child, _, _}}) -> <<"shutdown:failed_to_start_child">>;
render({shutdown, Detail}) when is_atom(Detail) -> <<"shutdown:", (atom_to_binary(Detail))/binary>>;
render({Error, Stack}) when is_list(Stack) -> <<"error:", (render(Error))/binary>>;
render(Atom) when is_atom(Atom) -> atom_to_binary(Atom);
render(Other) -> iolist_to_binary(io_lib:format("~0p", [Other])).

reason_term(<<"shutdown:", Detail/binary>>) -> {shutdown, binary_to_atom(Detail)};
reason_term(Word) -> binary_to_atom(Word).

%% Every path, in start (pre-order) order.
paths(Parent, Node) ->
    Id = cascade_otp_json:get(<<"id">>, Node),
    Path = case Parent of <<>> -> Id; _ -> <<Parent/binary, $/, Id/binary>> end,
    [Path | lists:append([paths(Path, C) || C <- cascade_otp_json:get(<<"children">>, Node, [])])].

sleep_until(Ms) ->
    Ref = erlang:start_timer(Ms, self(), wake, [{abs, true}]),
    receive {timeout, Ref, wake} -> ok end.

floor_div(A, B) when A >= 0 -> A div B;
floor_div(A, B) -> -((-A + B - 1) div B).
