%% Unit checks of the harness's pieces, run by HarnessTests: each function crashes with a
%% badmatch naming what it got when a check fails; run/0 prints "ok" when all pass.
-module(cascade_otp_tests).
-export([run/0]).

run() ->
    json_decodes_every_kind_of_value(),
    json_encodes_what_it_decodes(),
    a_killed_supervisors_descendants_come_right_after_it_in_reverse_start_order(),
    events_of_a_later_incarnation_are_not_pulled_up(),
    io:format("ok~n").

json_decodes_every_kind_of_value() ->
    {obj, [{<<"a">>, [1, -2, 3.5, true, false, null, <<"x\"y", 16#e9/utf8>>]}, {<<"b">>, {obj, []}}, {<<"c">>, []}]} =
        cascade_otp_json:decode(<<" {\"a\": [1, -2, 3.5, true, false, null, \"x\\\"y\\u00e9\"],\n \"b\": {}, \"c\": [ ] } ">>).

json_encodes_what_it_decodes() ->
    Value = {obj, [{<<"events">>, [{obj, [{<<"type">>, <<"started">>}, {<<"t_ms">>, -12}]}]}, {<<"final">>, {obj, [{<<"r">>, null}]}}]},
    Value = cascade_otp_json:decode(iolist_to_binary(cascade_otp_json:encode(Value))).

a_killed_supervisors_descendants_come_right_after_it_in_reverse_start_order() ->
    Order = [<<"r">>, <<"r/a">>, <<"r/s">>, <<"r/s/x">>, <<"r/b">>],
    Recorded = [{started, <<"r/a">>, 1}, {started, <<"r/s/x">>, 1}, {started, <<"r/s">>, 1}, {started, <<"r/b">>, 1},
                {supervisor_terminated, <<"r">>, 1, <<"killed">>},
                {exited, <<"r/a">>, 1, <<"killed">>},
                {exited, <<"r/s/x">>, 1, <<"shutdown">>},
                {started, <<"r">>, 2},
                {supervisor_terminated, <<"r/s">>, 1, <<"killed">>},
                {exited, <<"r/b">>, 1, <<"killed">>}],
    [{started, <<"r/a">>, 1}, {started, <<"r/s/x">>, 1}, {started, <<"r/s">>, 1}, {started, <<"r/b">>, 1},
     {supervisor_terminated, <<"r">>, 1, <<"killed">>},
     {exited, <<"r/b">>, 1, <<"killed">>},
     {exited, <<"r/s/x">>, 1, <<"shutdown">>},
     {supervisor_terminated, <<"r/s">>, 1, <<"killed">>},
     {exited, <<"r/a">>, 1, <<"killed">>},
     {started, <<"r">>, 2}] = canonical(Recorded, Order).

events_of_a_later_incarnation_are_not_pulled_up() ->
    Order = [<<"r">>, <<"r/s">>, <<"r/s/x">>, <<"r/y">>],
    Recorded = [{started, <<"r/s/x">>, 1}, {started, <<"r/s">>, 1}, {started, <<"r/y">>, 1},
                {exited, <<"r/s/x">>, 1, <<"error:boom">>},
                {supervisor_terminated, <<"r/s">>, 1, <<"killed">>},
                {started, <<"r/s">>, 2},
                {exited, <<"r/y">>, 1, <<"killed">>}],
    Recorded = canonical(Recorded, Order).

canonical(Events, Order) ->
    [E || {E, _} <- cascade_otp_order:canonical([{E, 0} || E <- Events], Order)].
