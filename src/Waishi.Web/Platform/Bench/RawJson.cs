using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Waishi.Web.Platform.Bench;

/// <summary>Compact JSON written by hand: no reflection, Chinese as characters (as the pages write it).</summary>
public static class RawJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Of(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }
        return Results.Bytes(buffer.WrittenMemory, "application/json; charset=utf-8");
    }

    public static void Date(this Utf8JsonWriter json, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            json.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Time(this Utf8JsonWriter json, string name, DateTime? value)
    {
        if (value is { } t)
        {
            json.WriteString(name, DateTime.SpecifyKind(t, DateTimeKind.Utc));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static IResult BadRequest(string message) => Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
