%% A supervisor node of a scenario tree: OTP's own supervisor, configured from the node.
-module(cascade_otp_sup).
-behaviour(supervisor).
-export([start_link/3, init/1]).

start_link(Path, Node, Run) ->
    Attempt = cascade_otp_run:attempt(Run, Path),
    Result = supervisor:start_link(?MODULE, {Path, Node, Run, Attempt}),
    cascade_otp_run:start_returned(Run, Path, supervisor, Result),
    Result.

init({Path, Node, Run, Attempt}) ->
    case cascade_otp_run:before_init(Run, Path, Attempt) of
        ok -> ok;
        {fail, Reason} -> exit(Reason)   % gen_server's init_it turns it into {error, Reason}
    end,
    cascade_otp_run:trace_me(Run),
    Get = fun(Key, Default) -> cascade_otp_json:get(Key, Node, Default) end,
    Flags = #{strategy => binary_to_atom(Get(<<"strategy">>, <<"one_for_one">>)),
              intensity => Get(<<"intensity">>, 1),
              period => Get(<<"period_s">>, 5)},
    {ok, {Flags, [child_spec(Path, Child, Run) || Child <- Get(<<"children">>, [])]}}.

child_spec(Parent, Child, Run) ->
    Id = cascade_otp_json:get(<<"id">>, Child),
    Path = <<Parent/binary, $/, Id/binary>>,
    {Module, Type, DefaultShutdown} =
        case cascade_otp_json:get(<<"supervisor">>, Child, false) of
            true -> {?MODULE, supervisor, infinity};
            false -> {cascade_otp_worker, worker, 5000}
        end,
    #{id => binary_to_atom(Id),
      start => {Module, start_link, [Path, Child, Run]},
      restart => binary_to_atom(cascade_otp_json:get(<<"restart">>, Child, <<"permanent">>)),
      shutdown => shutdown(Child, DefaultShutdown),
      type => Type,
      modules => [Module]}.

shutdown(Child, Default) ->
    case {cascade_otp_json:get(<<"shutdown_ms">>, Child, none), cascade_otp_json:get(<<"shutdown">>, Child, none)} of
        {Ms, none} when is_integer(Ms) -> Ms;
        {none, none} -> Default;
        {none, <<"brutal_kill">>} -> brutal_kill;
        {none, <<"infinity">>} -> infinity;
        {none, Ms} when is_integer(Ms) -> Ms
    end.
