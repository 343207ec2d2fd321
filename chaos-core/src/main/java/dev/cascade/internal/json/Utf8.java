package dev.cascade.internal.json;

import dev.cascade.scenario.ScenarioFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is an error at its {@code line:column}, never replaced. */
final class Utf8 {

    private Utf8() {}

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            String badByte = String.format("0x%02X", bytes[in.position()] & 0xff);
            throw new ScenarioFormatException(TextPosition.of(out, out.length()),
                    "the text is not valid UTF-8 (byte " + badByte + " at offset " + in.position() + ")");
        }
        out.flip();
        return out.toString();
    }
}
