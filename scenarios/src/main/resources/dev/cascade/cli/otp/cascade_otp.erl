%% Entry point of the harness behind `cascade otp`:
%%   erl -noshell -pa DIR -run cascade_otp main PARALLEL IN1 OUT1 IN2 OUT2 ...
%% runs each scenario file IN on real OTP, at most PARALLEL at a time in this node, and writes
%% its cascade-outcome/1 to OUT. Prints "failed IN: Reason" for a run that crashed; exits 0 when
%% every run wrote its outcome, 1 otherwise.
-module(cascade_otp).
-export([main/1]).

main([Parallel | Files]) ->
    logger:set_primary_config(level, none),       % OTP's own reports are expected here, not news
    Jobs = pairs(Files),
    Failures = pool(Jobs, list_to_integer(Parallel), #{}, 0),
    erlang:halt(case Failures of 0 -> 0; _ -> 1 end).

pairs([In, Out | Rest]) -> [{In, Out} | pairs(Rest)];
pairs([]) -> [].

pool([], _Free, Running, Failures) when map_size(Running) =:= 0 ->
    Failures;
pool([{In, Out} | Rest], Free, Running, Failures) when Free > 0 ->
    {_, Ref} = spawn_monitor(fun() -> cascade_otp_run:run(In, Out) end),
    pool(Rest, Free - 1, Running#{Ref => In}, Failures);
pool(Jobs, Free, Running, Failures) ->
    receive
        {'DOWN', Ref, process, _, Reason} when is_map_key(Ref, Running) ->
            Failed = case Reason of
                normal -> 0;
                _ -> io:format(standard_error, "failed ~s: ~0p~n", [maps:get(Ref, Running), Reason]), 1
            end,
            pool(Jobs, Free + 1, maps:remove(Ref, Running), Failures + Failed)
    end.
