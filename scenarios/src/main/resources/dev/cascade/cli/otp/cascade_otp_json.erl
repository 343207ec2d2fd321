%% A small JSON codec for the harness: OTP 25 has no json module.
%% Objects decode to {obj, [{Key, Value}]} (keys as binaries, order kept), arrays to lists,
%% strings to binaries, numbers to integers or floats, and true/false/null to atoms.
-module(cascade_otp_json).
-export([decode/1, encode/1, get/2, get/3]).

decode(Bin) when is_binary(Bin) ->
    {Value, Rest} = value(skip(Bin)),
    <<>> = skip(Rest),
    Value.

get(Key, {obj, Fields}) ->
    {_, Value} = lists:keyfind(Key, 1, Fields),
    Value.

get(Key, {obj, Fields}, Default) ->
    case lists:keyfind(Key, 1, Fields) of
        {_, Value} -> Value;
        false -> Default
    end.

skip(<<C, Rest/binary>>) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r -> skip(Rest);
skip(Bin) -> Bin.

value(<<${, Rest/binary>>) -> object(skip(Rest), []);
value(<<$[, Rest/binary>>) -> array(skip(Rest), []);
value(<<$", Rest/binary>>) -> string(Rest, <<>>);
value(<<"true", Rest/binary>>) -> {true, Rest};
value(<<"false", Rest/binary>>) -> {false, Rest};
value(<<"null", Rest/binary>>) -> {null, Rest};
value(Bin) -> number(Bin, <<>>).

object(<<$}, Rest/binary>>, []) -> {{obj, []}, Rest};
object(<<$", Rest/binary>>, Acc) ->
    {Key, R1} = string(Rest, <<>>),
    <<$:, R2/binary>> = skip(R1),
    {Value, R3} = value(skip(R2)),
    case skip(R3) of
        <<$,, R4/binary>> -> object(skip(R4), [{Key, Value} | Acc]);
        <<$}, R4/binary>> -> {{obj, lists:reverse([{Key, Value} | Acc])}, R4}
    end.

array(<<$], Rest/binary>>, []) -> {[], Rest};
array(Bin, Acc) ->
    {Value, R1} = value(Bin),
    case skip(R1) of
        <<$,, R2/binary>> -> array(skip(R2), [Value | Acc]);
        <<$], R2/binary>> -> {lists:reverse([Value | Acc]), R2}
    end.

string(<<$", Rest/binary>>, Acc) -> {Acc, Rest};
string(<<$\\, $u, Hex:4/binary, Rest/binary>>, Acc) ->
    Char = binary_to_integer(Hex, 16),
    string(Rest, <<Acc/binary, Char/utf8>>);
string(<<$\\, C, Rest/binary>>, Acc) ->
    Out = case C of $n -> $\n; $t -> $\t; $r -> $\r; $b -> $\b; $f -> $\f; _ -> C end,
    string(Rest, <<Acc/binary, Out>>);
string(<<C, Rest/binary>>, Acc) -> string(Rest, <<Acc/binary, C>>).

number(<<C, Rest/binary>>, Acc) when C >= $0, C =< $9; C =:= $-; C =:= $+; C =:= $.; C =:= $e; C =:= $E ->
    number(Rest, <<Acc/binary, C>>);
number(Rest, Acc) ->
    try {binary_to_integer(Acc), Rest}
    catch error:badarg -> {binary_to_float(Acc), Rest}
    end.

%% Encodes {obj, Fields}, lists, binaries, integers, true/false/null.
encode({obj, Fields}) ->
    ["{", lists:join(", ", [[encode(K), ": ", encode(V)] || {K, V} <- Fields]), "}"];
encode(List) when is_list(List) -> ["[", lists:join(", ", [encode(V) || V <- List]), "]"];
encode(Bin) when is_binary(Bin) -> [$", escape(Bin), $"];
encode(N) when is_integer(N) -> integer_to_list(N);
encode(true) -> "true";
encode(false) -> "false";
encode(null) -> "null".

escape(Bin) ->
    [case C of $" -> "\\\""; $\\ -> "\\\\"; $\n -> "\\n"; _ when C < 32 -> io_lib:format("\\u~4.16.0b", [C]); _ -> C end
     || <<C>> <= Bin].
