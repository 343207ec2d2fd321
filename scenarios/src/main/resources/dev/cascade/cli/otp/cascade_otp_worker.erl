%% A worker node of a scenario tree: a gen_server whose init follows the node's "init" field (and,
%% with "continue_ms", returns {continue, ...} and does that much slow work in handle_continue, so
%% its supervisor goes on starting siblings) and whose handlers carry out the raise and stop faults
%% sent to it.
-module(cascade_otp_worker).
-behaviour(gen_server).
-export([start_link/3, init/1, handle_continue/2, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

start_link(Path, Node, Run) ->
    Attempt = cascade_otp_run:attempt(Run, Path),
    Result = gen_server:start_link(?MODULE, {Path, Node, Run, Attempt}, []),
    cascade_otp_run:start_returned(Run, Path, worker, Result),
    Result.

init({Path, Node, Run, Attempt}) ->
    case cascade_otp_run:before_init(Run, Path, Attempt) of
        ok -> init(Node, Run, Attempt);
        {fail, Reason} -> {stop, Reason}
    end.

init(Node, Run, Attempt) ->
    Init = cascade_otp_json:get(<<"init">>, Node, {obj, []}),
    case cascade_otp_json:get(<<"delay_ms">>, Init, 0) of
        0 -> ok;
        Delay -> timer:sleep(Delay)
    end,
    Fails = lists:member(Attempt, cascade_otp_json:get(<<"fail_on">>, Init, [])),
    Ignores = lists:member(Attempt, cascade_otp_json:get(<<"ignore_on">>, Init, [])),
    if
        Fails -> {stop, init_failed};          % fail_on wins over ignore_on
        Ignores -> ignore;
        true ->
            process_flag(trap_exit, cascade_otp_json:get(<<"trap_exit">>, Node, false)),
            cascade_otp_run:trace_me(Run),
            State = #{terminate_delay => cascade_otp_json:get(<<"terminate_delay_ms">>, Node, 0), by_fault => false},
            case cascade_otp_json:get(<<"continue_ms">>, Node, 0) of
                0 -> {ok, State};
                Continue -> {ok, State, {continue, {cascade_continue, Continue}}}
            end
    end.

%% continue_ms: the slow work of a start, after init returned and before the mailbox is read.
handle_continue({cascade_continue, Continue}, State) ->
    timer:sleep(Continue),
    {noreply, State}.

handle_call(_Request, _From, State) ->
    {reply, ok, State}.

handle_cast({cascade_fault, raise, Reason}, _State) ->
    erlang:error(Reason);
handle_cast({cascade_fault, stop, Reason}, State) ->
    {stop, Reason, State#{by_fault := true}}.

%% A trapping worker receives exit signals from non-parents as messages, and ignores them.
handle_info(_Message, State) ->
    {noreply, State}.

%% terminate_delay_ms applies only when the supervisor asks the worker to stop.
terminate(shutdown, #{terminate_delay := Delay, by_fault := false}) when Delay > 0 ->
    timer:sleep(Delay);
terminate(_Reason, _State) ->
    ok.
