using System.Text;

namespace Waishi.Web.Platform.Export;

/// <summary>
/// Whether an uploaded text file is UTF-8, the only encoding the importers read. A file saved as GBK
/// or as UTF-16 without a byte-order mark would otherwise be read as garbled names (or as a JSON
/// error that does not say what to do). UTF-16 with a mark is accepted only where the reader decodes
/// it (CSV); NUL bytes never occur in UTF-8 text and betray UTF-16 without a mark.
/// </summary>
public static class Utf8Check
{
    public const string NotUtf8Csv =
        "The file is not UTF-8 text (it may be saved as GBK or UTF-16): save it as \"CSV UTF-8\" (or with the encoding UTF-8 in a text editor) and import it again.";

    public const string NotUtf8Json =
        "The file is not UTF-8 JSON (it may be saved as GBK or UTF-16): save it with the encoding UTF-8 and import it again.";

    /// <summary>True when <paramref name="bytes"/> (a whole file) is UTF-8, or UTF-16 with its mark where allowed.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool allowUtf16Bom)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return allowUtf16Bom;
        }
        return !bytes.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(bytes);
    }

    /// <summary>
    /// Reads a seekable stream to its end in blocks (memory stays flat for a dump of any size), says
    /// whether it is UTF-8 and rewinds it. A stream that cannot seek cannot be read twice and is
    /// passed as UTF-8; the reader's own errors then apply.
    /// </summary>
    public static async Task<bool> IsUtf8Async(Stream stream, bool allowUtf16Bom, CancellationToken ct = default)
    {
        if (!stream.CanSeek)
        {
            return true;
        }
        var start = stream.Position;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        var first = true;
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
            {
                var block = buffer.AsSpan(0, n);
                if (first && block is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
                {
                    return allowUtf16Bom;
                }
                first = false;
                if (block.Contains((byte)0))
                {
                    return false;
                }
                // Decoding (not just counting, which leaves the decoder as it was) keeps a character
                // split across two blocks for the next one.
                decoder.GetChars(block, chars, flush: false);
            }
            decoder.GetChars([], chars, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            stream.Position = start;
        }
    }
}
