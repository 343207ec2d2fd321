%% The canonical order after a killed supervisor (scenario-format.md, Outcome): its
%% supervisor_terminated (killed) first, then the ends of its descendants that were alive, child by
%% child in reverse start order, each child's subtree in its recorded order; then everything else.
-module(cascade_otp_order).
-export([canonical/2]).

%% Events are {Event, TMs}; StartOrder lists every path in start (pre-order) order.
canonical(Events, StartOrder) ->
    canonical(Events, #{}, StartOrder, []).

canonical([], _Live, _Order, Acc) ->
    lists:reverse(Acc);
canonical([{{supervisor_terminated, Sup, _, <<"killed">>}, _} = Killed | Rest], Live, Order, Acc) ->
    Prefix = <<Sup/binary, $/>>,
    Below = maps:filter(fun(Path, _) -> is_below(Prefix, Path) end, Live),
    {Pulled, Others} = pull(Rest, Below, [], []),
    Numbered = lists:zip(lists:seq(1, length(Pulled)), Pulled),
    Sorted = [E || {_, _, E} <- lists:sort([{-index(direct_child(Prefix, path(E)), Order), N, E} || {N, E} <- Numbered])],
    canonical(Sorted ++ Others, track(Killed, Live), Order, [Killed | Acc]);
canonical([Event | Rest], Live, Order, Acc) ->
    canonical(Rest, track(Event, Live), Order, [Event | Acc]).

pull(Rest, Below, Pulled, Others) when map_size(Below) =:= 0 ->
    {lists:reverse(Pulled), lists:reverse(Others, Rest)};
pull([], _Below, Pulled, Others) ->
    {lists:reverse(Pulled), lists:reverse(Others)};
pull([Event | Rest], Below, Pulled, Others) ->
    case ending(Event) of
        {Path, N} ->
            case maps:find(Path, Below) of
                {ok, N} -> pull(Rest, maps:remove(Path, Below), [Event | Pulled], Others);
                _ -> pull(Rest, Below, Pulled, [Event | Others])
            end;
        none -> pull(Rest, Below, Pulled, [Event | Others])
    end.

track({{started, Path, N}, _}, Live) -> Live#{Path => N};
track(Event, Live) ->
    case ending(Event) of
        {Path, N} ->
            case maps:find(Path, Live) of
                {ok, N} -> maps:remove(Path, Live);
                _ -> Live
            end;
        none -> Live
    end.

ending({{exited, Path, N, _}, _}) -> {Path, N};
ending({{supervisor_terminated, Path, N, _}, _}) -> {Path, N};
ending(_) -> none.

path({Event, _}) -> element(2, Event).

is_below(Prefix, Path) ->
    byte_size(Path) > byte_size(Prefix) andalso binary:part(Path, 0, byte_size(Prefix)) =:= Prefix.

direct_child(Prefix, Path) ->
    Tail = binary:part(Path, byte_size(Prefix), byte_size(Path) - byte_size(Prefix)),
    case binary:match(Tail, <<"/">>) of
        nomatch -> Path;
        {At, _} -> binary:part(Path, 0, byte_size(Prefix) + At)
    end.

index(Path, Order) -> index(Path, Order, 0).
index(Path, [Path | _], N) -> N;
index(Path, [_ | Rest], N) -> index(Path, Rest, N + 1);
index(_Path, [], _N) -> -1.
