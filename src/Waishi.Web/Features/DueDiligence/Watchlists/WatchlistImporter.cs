using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Waishi.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

public sealed record WatchlistRowProblem(int Line, string Message);

public sealed record WatchlistImportResult(WatchlistVersion Version, IReadOnlyList<WatchlistRowProblem> Problems);

/// <summary>One mapped row of a list file, before it is saved.</summary>
public sealed record WatchlistRow(int Line, string Key, string Name, string? Aliases, string? CountryCode, string? Addresses, string? Source,
    string? Programs, DateOnly? StartOn, DateOnly? EndOn, string? Remarks, string RawRow)
{
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\u001f", Name, Aliases, CountryCode, Addresses, Source, Programs, StartOn?.ToString("O"), EndOn?.ToString("O"), Remarks))));
}

/// <summary>
/// Reads a watchlist file (CSV or JSON) with the list's column mapping and saves it as a new version:
/// the old versions stay, the new one becomes current, and the version records how many entries were
/// added, removed and changed against the one before (by the stable key). Bad rows are reported with
/// their line and left out; the rest imports.
/// </summary>
public sealed class WatchlistImporter(AppDbContext db, TimeProvider clock, IScreeningInvalidation? invalidation = null)
{
    public const int MaxProblems = 200;
    public const int BatchSize = 1000;

    /// <exception cref="TabularFormatException">The file is not UTF-8 (GBK, UTF-16 without its mark, invalid bytes):
    /// refused whole, before anything is read or written.</exception>
    public static (List<WatchlistRow> Rows, List<WatchlistRowProblem> Problems) Read(Stream file, string fileName, WatchlistMapping mapping, int? limit = null)
    {
        var json = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var content = file as MemoryStream;
        if (content is null)
        {
            content = new MemoryStream();
            file.CopyTo(content);
            content.Position = 0;
        }
        var bytes = content.TryGetBuffer(out var buffer) ? buffer.AsSpan((int)content.Position) : content.ToArray().AsSpan((int)content.Position);
        if (!Utf8Check.IsUtf8(bytes, allowUtf16Bom: !json))
        {
            throw new TabularFormatException(json ? Utf8Check.NotUtf8Json : Utf8Check.NotUtf8Csv);
        }
        var records = json ? ReadJson(content) : ReadCsv(content);
        var rows = new List<WatchlistRow>();
        var problems = new List<WatchlistRowProblem>();
        foreach (var (line, fields, error) in records)
        {
            if (limit is { } max && rows.Count + problems.Count >= max)
            {
                break;
            }
            if (error is not null)
            {
                problems.Add(new WatchlistRowProblem(line, error));
                continue;
            }
            var row = Map(line, fields!, mapping, out var problem);
            if (row is null)
            {
                problems.Add(new WatchlistRowProblem(line, problem!));
            }
            else
            {
                rows.Add(row);
            }
        }
        return (rows, problems);
    }

    public Task<WatchlistImportResult> ImportAsync(Watchlist list, Stream file, string fileName, WatchlistMapping mapping, string importedBy, CancellationToken ct = default) =>
        ImportAsync(list, file, fileName, mapping, importedBy, null, ct);

    /// <summary>
    /// Imports the file as the list's new version, in one transaction: the entries are saved in batches of
    /// <see cref="BatchSize"/> (<paramref name="written"/> hears the count after each) and a failure anywhere
    /// leaves neither the version nor any of its entries.
    /// </summary>
    public async Task<WatchlistImportResult> ImportAsync(Watchlist list, Stream file, string fileName, WatchlistMapping mapping, string importedBy,
        Func<int, int, Task>? written, CancellationToken ct = default)
    {
        var (rows, problems) = Read(file, fileName, mapping);
        // Two rows with one key: the first stays, the second is reported.
        var byKey = new Dictionary<string, WatchlistRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byKey.TryAdd(row.Key, row))
            {
                problems.Add(new WatchlistRowProblem(row.Line, $"The entry \"{row.Name}\" appears twice (same key); line {byKey[row.Key].Line} was kept."));
            }
        }
        var previous = list.CurrentVersionId is { } current
            ? await db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.VersionId == current).Select(e => new { e.Key, e.ContentHash }).ToListAsync(ct)
            : [];
        var before = previous.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().ContentHash);
        var number = await db.Set<WatchlistVersion>().Where(v => v.WatchlistId == list.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = new WatchlistVersion
        {
            TenantId = list.TenantId, WatchlistId = list.Id, Number = number + 1, ImportedUtc = clock.GetUtcNow().UtcDateTime,
            ImportedBy = importedBy.Length > 200 ? importedBy[..200] : importedBy, FileName = Path.GetFileName(fileName) is { Length: <= 300 } name ? name : "upload",
            EntryCount = byKey.Count,
            Added = byKey.Keys.Count(k => !before.ContainsKey(k)),
            Removed = before.Keys.Count(k => !byKey.ContainsKey(k)),
            Changed = byKey.Count(p => before.TryGetValue(p.Key, out var hash) && hash != p.Value.Hash),
            BadRows = problems.Count,
            Problems = problems.Count == 0 ? null
                : string.Join("\n", problems.OrderBy(p => p.Line).Take(MaxProblems).Select(p => $"line {p.Line}: {p.Message}")),
        };
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Add(version);
        list.CurrentVersionId = version.Id;
        list.MappingJson = mapping.ToJson();
        var stamp = await DueDiligenceStamps.BumpAsync(db, list.TenantId, clock, ct);
        await db.SaveChangesAsync(ct);
        var saved = 0;
        foreach (var batch in byKey.Values.Chunk(BatchSize))
        {
            var entries = batch.Select(row => new WatchlistEntry
            {
                TenantId = list.TenantId, WatchlistId = list.Id, VersionId = version.Id, Key = row.Key, Name = row.Name, Aliases = row.Aliases,
                CountryCode = row.CountryCode, Addresses = row.Addresses, Source = row.Source, Programs = row.Programs, StartOn = row.StartOn,
                EndOn = row.EndOn, Remarks = row.Remarks, RawRow = row.RawRow, ContentHash = row.Hash, LineNumber = row.Line,
            }).ToList();
            db.AddRange(entries);
            await db.SaveChangesAsync(ct);
            // Saved entries leave the change tracker, so that each batch's save looks at its own rows only.
            foreach (var entry in entries)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
            saved += entries.Count;
            if (written is not null)
            {
                await written(saved, byKey.Count);
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        if (invalidation is not null)
        {
            await invalidation.ChangedAsync(list.TenantId, stamp.Value, ct);
        }
        return new WatchlistImportResult(version, problems.OrderBy(p => p.Line).ToList());
    }

    private static WatchlistRow? Map(int line, Dictionary<string, string> fields, WatchlistMapping m, out string? problem)
    {
        problem = null;
        string? Get(string? column) => column is { Length: > 0 } c && fields.TryGetValue(c.Trim(), out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var name = Get(m.NameColumn);
        if (name is null)
        {
            problem = $"The name (column \"{m.NameColumn}\") is empty.";
            return null;
        }
        if (name.Length > 500)
        {
            problem = "The name is longer than 500 characters.";
            return null;
        }
        DateOnly? Date(string? column, string label, ref string? error)
        {
            var text = Get(column);
            if (text is null)
            {
                return null;
            }
            string[] formats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "MM/dd/yyyy"];
            if (DateOnly.TryParseExact(text.Length > 10 && text[10] == 'T' ? text[..10] : text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
            error ??= $"The {label} \"{text}\" is not a date (use 2026-12-31).";
            return null;
        }
        string? dateError = null;
        var start = Date(m.StartDateColumn, "start date", ref dateError);
        var end = Date(m.EndDateColumn, "end date", ref dateError);
        if (dateError is not null)
        {
            problem = dateError;
            return null;
        }
        var separator = string.IsNullOrEmpty(m.AliasSeparator) ? ";" : m.AliasSeparator;
        var aliases = Get(m.AliasesColumn)?.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        var addresses = Get(m.AddressesColumn);
        var country = Get(m.CountryColumn) ?? CountryOfAddress(addresses);
        if (country is not null)
        {
            country = country.ToUpperInvariant();
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            {
                problem = $"The country \"{country}\" is not a two-letter ISO code.";
                return null;
            }
        }
        var source = Clip(Get(m.SourceColumn), 300);
        var programs = Clip(Get(m.ProgramsColumn), 1000);
        var id = Get(m.IdColumn);
        var key = id ?? string.Join("|", name.ToLowerInvariant(), source?.ToLowerInvariant(), programs?.ToLowerInvariant());
        var raw = JsonSerializer.Serialize(fields);
        return new WatchlistRow(line, Clip(key, 1000)!, name, aliases is { Count: > 0 } ? string.Join("\n", aliases) : null, country,
            addresses?.Replace(";", "\n", StringComparison.Ordinal), source, programs, start, end, Get(m.RemarksColumn), raw);
    }

    /// <summary>The CSL writes addresses as "street, city, postcode, CN; …": the country is the last part of the first.</summary>
    private static string? CountryOfAddress(string? addresses)
    {
        var first = addresses?.Split(';')[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return first is { Length: > 1 } parts && parts[^1].Length == 2 && parts[^1].All(char.IsAsciiLetter) ? parts[^1] : null;
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static IEnumerable<(int Line, Dictionary<string, string>? Fields, string? Error)> ReadCsv(Stream file)
    {
        var options = CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true };
        var rows = new List<(int Line, List<string> Cells)>();
        string? failure = null;
        try
        {
            using var csv = CsvReader.Create(file, options, true);
            while (csv.Read())
            {
                var cells = new List<string>(csv.FieldCount);
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    cells.Add(csv.GetString(i) ?? "");
                }
                rows.Add(((int)csv.LineNumber, cells));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = "The rest of the file cannot be read as CSV: " + e.Message.Split('\n')[0];
        }
        if (rows.Count == 0)
        {
            if (failure is not null)
            {
                yield return (1, null, failure);
            }
            yield break;
        }
        var names = rows[0].Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (cells.Count != names.Length)
            {
                yield return (line, null, $"The row has {cells.Count} fields; the header has {names.Length}.");
                continue;
            }
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].Length > 0)
                {
                    fields[names[i]] = cells[i];
                }
            }
            yield return (line, fields, null);
        }
        if (failure is not null)
        {
            yield return (rows[^1].Line + 1, null, failure);
        }
    }

    private static IEnumerable<(int Line, Dictionary<string, string>? Fields, string? Error)> ReadJson(Stream file)
    {
        JsonDocument document;
        string? error = null;
        try
        {
            document = JsonDocument.Parse(file);
        }
        catch (JsonException e)
        {
            document = JsonDocument.Parse("[]");
            error = "The file is not JSON: " + e.Message;
        }
        using (document)
        {
            if (error is not null)
            {
                yield return (0, null, error);
                yield break;
            }
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var results))
            {
                root = results;
            }
            if (root.ValueKind != JsonValueKind.Array)
            {
                yield return (0, null, "The file must hold an array of entries (or an object with a \"results\" array).");
                yield break;
            }
            var position = 0;
            foreach (var item in root.EnumerateArray())
            {
                position++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    yield return (position, null, "The entry is not an object.");
                    continue;
                }
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var p in item.EnumerateObject())
                {
                    fields[p.Name] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString()!,
                        JsonValueKind.Null => "",
                        JsonValueKind.Array => string.Join(";", p.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText())),
                        _ => p.Value.GetRawText(),
                    };
                }
                yield return (position, fields, null);
            }
        }
    }
}
