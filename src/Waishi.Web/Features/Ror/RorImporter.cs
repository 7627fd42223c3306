using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.Ror;

/// <summary>Which records of a dump to import; empty means all.</summary>
public sealed record RorImportFilter(string? Country = null, string? Type = null, string? Status = null)
{
    public bool Matches(RorRecord r) =>
        (string.IsNullOrWhiteSpace(Country) || r.Locations.Any(l => string.Equals(l.CountryCode, Country.Trim(), StringComparison.OrdinalIgnoreCase)))
        && (string.IsNullOrWhiteSpace(Type) || r.Types.Any(t => string.Equals(t, Type.Trim(), StringComparison.OrdinalIgnoreCase)))
        && (string.IsNullOrWhiteSpace(Status) || string.Equals(r.Status, Status.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A record that could not be imported: its position in the array (from 0), its id if readable, and why.</summary>
public sealed record RorImportError(long Index, string? RorId, string Message);

/// <summary>Where an import stands; the final one is the report.</summary>
public sealed record RorImportProgress(long Read, long Added, long Updated, long Unchanged, long Skipped, long Failed,
    IReadOnlyList<RorImportError> Errors, bool Finished, string? FatalError)
{
    public long Imported => Added + Updated + Unchanged;
}

/// <summary>
/// Imports a ROR v2 dump (a JSON array of records). The file is streamed one record at a time, so
/// memory stays flat however large the dump; records are upserted by ROR id in batches with the
/// change tracker cleared after each, and a record whose content is already stored is counted as
/// unchanged and not written. A malformed record is reported with its position and the rest still import.
/// </summary>
public sealed class RorImporter(AppDbContext db, TimeProvider clock)
{
    public const int BatchSize = 500;
    /// <summary>At most this many malformed records are listed one by one (all are counted).</summary>
    public const int MaxListedErrors = 1000;

    public async Task<RorImportProgress> ImportAsync(Stream json, RorImportFilter filter, IProgress<RorImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        long read = 0, added = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0;
        var errors = new List<RorImportError>();
        var batch = new List<RorRecord>(BatchSize);
        string? fatal = null;
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        RorImportProgress Snapshot(bool finished) => new(read, added, updated, unchanged, skipped, failed, errors.ToList(), finished, fatal);

        void Fail(long index, string? id, string message)
        {
            failed++;
            if (errors.Count < MaxListedErrors)
            {
                errors.Add(new RorImportError(index, id, message));
            }
        }

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }
            // The last occurrence of an id in a batch wins, as it would across batches.
            var unique = batch.GroupBy(r => r.RorId).Select(g => g.Last()).ToList();
            var ids = unique.Select(r => r.RorId).ToList();
            var existing = await db.Set<RorOrganisation>().Where(o => ids.Contains(o.RorId)).ToDictionaryAsync(o => o.RorId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var record in unique)
            {
                if (existing.TryGetValue(record.RorId, out var row))
                {
                    if (record.ApplyTo(row, now))
                    {
                        db.Entry(row).State = EntityState.Modified;
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    row = new RorOrganisation();
                    record.ApplyTo(row, now);
                    db.Add(row);
                    added++;
                }
            }
            unchanged += batch.Count - unique.Count;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            batch.Clear();
            progress?.Report(Snapshot(false));
        }

        if (await CheckAsync(json, ct) is { } refused)
        {
            // Refused whole before the first record: nothing of the file is written.
            fatal = refused;
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            var nothing = Snapshot(true);
            progress?.Report(nothing);
            return nothing;
        }
        try
        {
            long index = -1;
            var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(json, new JsonSerializerOptions { MaxDepth = 64 }, ct);
            await using var enumerator = elements.GetAsyncEnumerator(ct);
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync();
                }
                catch (JsonException e)
                {
                    // Broken JSON cannot be read past; what was read before it stays imported.
                    fatal = $"The file is not valid JSON after record {index + 1}: {e.Message}";
                    break;
                }
                if (!more)
                {
                    break;
                }
                index++;
                read++;
                var element = enumerator.Current;
                RorRecord record;
                try
                {
                    record = RorRecord.Read(element);
                }
                catch (RorFormatException e)
                {
                    Fail(index, RorRecord.TryId(element), e.Message);
                    continue;
                }
                catch (InvalidOperationException e)
                {
                    Fail(index, RorRecord.TryId(element), e.Message);
                    continue;
                }
                if (!filter.Matches(record))
                {
                    skipped++;
                    continue;
                }
                batch.Add(record);
                if (batch.Count >= BatchSize)
                {
                    await FlushAsync();
                }
            }
            await FlushAsync();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        var result = Snapshot(true);
        progress?.Report(result);
        return result;
    }

    /// <summary>A ROR record is a few kilobytes; one far larger means the file is not a dump.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    public const string TruncatedMessage = "The file ends in the middle of a record: it is truncated or damaged. Download the dump again; nothing was imported.";

    /// <summary>
    /// Reads a seekable file once before importing it, in blocks (memory stays flat): it must be
    /// UTF-8, one JSON array to its end, with no record over <see cref="MaxRecordBytes"/>. Returns why
    /// the file is refused, or null; the stream is rewound. A stream that cannot seek is not checked
    /// (its errors are found while importing).
    /// </summary>
    public static async Task<string?> CheckAsync(Stream json, CancellationToken ct)
    {
        if (!json.CanSeek)
        {
            return null;
        }
        if (!await Utf8Check.IsUtf8Async(json, allowUtf16Bom: false, ct))
        {
            return Utf8Check.NotUtf8Json + " Nothing was imported.";
        }
        var start = json.Position;
        try
        {
            var buffer = new byte[1 << 16];
            var kept = 0;
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
            long offset = 0;
            long recordStart = -1;
            long record = 0;
            var finished = false;
            while (true)
            {
                if (kept == buffer.Length)
                {
                    // One token longer than the buffer: grow it, up to the size of a record.
                    if (buffer.Length >= MaxRecordBytes)
                    {
                        return TooLarge(record);
                    }
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                var n = await json.ReadAsync(buffer.AsMemory(kept), ct);
                var final = n == 0;
                var length = kept + n;
                // Every block is read as if more were to come: at the end, a file that stops inside
                // the array is told apart from one with a syntax error.
                var (consumed, newState, done, failure) = Scan(buffer.AsSpan(0, length), state, offset, ref recordStart, ref record);
                if (failure is not null)
                {
                    return failure;
                }
                finished |= done;
                state = newState;
                offset += consumed;
                kept = length - consumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, kept);
                if (final)
                {
                    var rest = buffer.AsSpan(0, kept).Trim(" \t\r\n"u8);
                    return finished && rest.IsEmpty ? null
                        : !finished && offset == 0 && rest.IsEmpty ? "The file is empty: a ROR dump is a JSON array of records. Nothing was imported."
                        : TruncatedMessage;
                }
            }
        }
        finally
        {
            json.Position = start;
        }
    }

    private static string TooLarge(long record) =>
        $"Record {record} is larger than {MaxRecordBytes / 1024 / 1024} MB: the file is not a ROR dump. Nothing was imported.";

    private static (int Consumed, JsonReaderState State, bool Done, string? Failure) Scan(ReadOnlySpan<byte> block, JsonReaderState state,
        long offset, ref long recordStart, ref long record)
    {
        var reader = new Utf8JsonReader(block, isFinalBlock: false, state);
        var done = false;
        try
        {
            while (reader.Read())
            {
                var at = offset + reader.TokenStartIndex;
                if (reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.StartArray && reader.TokenType != JsonTokenType.EndArray)
                {
                    return (0, state, false, "The file is not a ROR dump: it must be a JSON array of records. Nothing was imported.");
                }
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndArray)
                {
                    done = true;
                }
                if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    recordStart = at;
                }
                if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    record++;
                    recordStart = -1;
                }
                if (recordStart >= 0 && at - recordStart > MaxRecordBytes)
                {
                    return (0, state, false, TooLarge(record));
                }
            }
        }
        catch (JsonException e)
        {
            return (0, state, false, $"The file is not valid JSON after record {record}: {e.Message.Split(". ")[0]}. Nothing was imported.");
        }
        return ((int)reader.BytesConsumed, reader.CurrentState, done, null);
    }
}
