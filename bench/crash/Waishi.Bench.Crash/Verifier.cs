using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waishi.Bench.Crash;

/// <summary>
/// Checks the database after a kill against the journal and against invariants that no half-applied
/// transaction can satisfy: every acknowledged write is there, an import's rows are all there or none,
/// a trip's state follows its approval case, a case's current step is not yet decided and a closed
/// case's last step is, and a document's status matches the last line of its custody ledger.
/// </summary>
public sealed class Verifier(bool postgres, string connectionString)
{
    public DbConnection Open()
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static List<object?[]> Rows(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 300;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static Guid G(object? value) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        _ => Guid.Empty,
    };

    private static string S(object? value) => value?.ToString() ?? "";

    private static long L(object? value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Documents in custody whose holder travels on an approved trip that has not ended,
    /// with the institution's code: what the exit officers may check out.</summary>
    public List<(Guid Document, Guid Trip, string Tenant)> CustodyPairs(DateOnly today, int max = 60)
    {
        using var connection = Open();
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = Rows(connection, $"""
            SELECT d."Id", t."Id", lower(n."Code") FROM "TravelDocument" d
            JOIN "TripMember" m ON m."StaffMemberId" = d."HolderId"
            JOIN "Trip" t ON t."Id" = m."TripId"
            JOIN "Tenant" n ON n."Id" = d."TenantId"
            WHERE d."Status" IN ('InCustody', 'CheckedOut') AND t."State" = 'Approved' AND t."ReturnDate" >= '{day}'
              AND d."ExpiryDate" > t."ReturnDate"
            ORDER BY d."Id", t."Id"
            """);
        // Documents whose ledger is out of step with their status are left out: the check after a
        // kill would blame the crash for them. (The generator keeps them in step; this guards an
        // older or hand-edited database.)
        var last = Rows(connection, """SELECT "DocumentId", "Action", "TripId" FROM "CustodyEntry" ORDER BY "DocumentId", "AtUtc", "Id" """)
            .GroupBy(r => G(r[0])).ToDictionary(g => g.Key, g => (Action: S(g.Last()[1]), Trip: g.Last()[2] is null ? (Guid?)null : G(g.Last()[2])));
        var status = Rows(connection, """SELECT "Id", "Status", "TripId" FROM "TravelDocument" """)
            .ToDictionary(r => G(r[0]), r => (Status: S(r[1]), Trip: r[2] is null ? (Guid?)null : G(r[2])));
        bool InStep(Guid id) => last.TryGetValue(id, out var l) && (status[id].Status == "CheckedOut"
            ? l.Action == "CheckedOut" && l.Trip == status[id].Trip
            : l.Action is "Registered" or "Returned");
        // One trip per document, so that a document cycles between custody and that trip.
        return [.. rows.Where(r => InStep(G(r[0]))).GroupBy(r => G(r[0])).Select(g => (g.Key, G(g.First()[1]), S(g.First()[2]))).Take(max)];
    }

    public sealed record Outcome(int Acknowledged, int Verified, List<string> Failures);

    public Outcome Verify(string journalPath)
    {
        var lines = Journal.Read(journalPath);
        var failures = new List<string>();
        using var connection = Open();

        var staff = Rows(connection, """SELECT "StaffNumber" FROM "StaffMember" WHERE "StaffNumber" LIKE 'K%'""").Select(r => S(r[0])).ToList();
        var uploads = Rows(connection, """SELECT "FileName" FROM "StaffImportUpload" """).Select(r => S(r[0])).ToHashSet();
        var cases = Rows(connection, """SELECT "Id", "CaseType", "State", "Step", "Round", "Version", "SubjectId" FROM "WorkflowCase" """)
            .ToDictionary(r => G(r[0]), r => (Type: S(r[1]), State: S(r[2]), Step: L(r[3]), Round: L(r[4]), Version: L(r[5]), Subject: r[6] is null ? (Guid?)null : G(r[6])));
        var transitions = Rows(connection, """SELECT "Transition", "Action", "UserName" FROM "WorkflowEntry" WHERE "Transition" IS NOT NULL""")
            .ToDictionary(r => S(r[0]), r => (Action: S(r[1]), User: S(r[2])));
        var keys = Rows(connection, """SELECT "Key" FROM "WorkflowRequest" """).Select(r => S(r[0])).ToHashSet();
        var trips = Rows(connection, """SELECT "Id", "State", "CaseId" FROM "Trip" WHERE "CaseId" IS NOT NULL""")
            .ToDictionary(r => G(r[0]), r => (State: S(r[1]), Case: G(r[2])));
        var docs = Rows(connection, """SELECT "Id", "Status", "TripId", "Version" FROM "TravelDocument" """)
            .ToDictionary(r => G(r[0]), r => (Status: S(r[1]), Trip: r[2] is null ? (Guid?)null : G(r[2]), Version: L(r[3])));
        var ledger = Rows(connection, """SELECT "DocumentId", "Action", "TripId", "Id" FROM "CustodyEntry" ORDER BY "DocumentId", "AtUtc", "Id" """)
            .GroupBy(r => G(r[0])).ToDictionary(g => g.Key, g => g.Select(r => (Action: S(r[1]), Trip: r[2] is null ? (Guid?)null : G(r[2]))).ToList());

        // Imports: all rows or none, and every acknowledged import complete, its upload gone.
        var byPrefix = staff.GroupBy(n => n.Length > 3 ? n[..^3] : n).ToDictionary(g => g.Key, g => g.Count());
        int acknowledged = 0, verified = 0;
        foreach (var line in lines.Where(l => l[0] == "try-import"))
        {
            var count = byPrefix.GetValueOrDefault(line[1]);
            if (count != 0 && count != int.Parse(line[2]))
            {
                failures.Add($"import {line[1]} half applied: {count} of {line[2]} rows");
            }
            if (count != 0 && uploads.Contains(line[1] + ".csv"))
            {
                failures.Add($"import {line[1]} applied but its upload still waits for confirmation");
            }
        }
        var checkouts = new Dictionary<(Guid, Guid), int>();
        var returns = new Dictionary<Guid, int>();
        foreach (var line in lines.Where(l => !l[0].StartsWith("try", StringComparison.Ordinal)))
        {
            acknowledged++;
            var ok = true;
            switch (line[0])
            {
                case "import":
                    ok = byPrefix.GetValueOrDefault(line[1]) == int.Parse(line[2]);
                    break;
                case "decide":
                    var id = Guid.Parse(line[1]);
                    ok = transitions.TryGetValue($"{id:N}/{line[2]}/{line[3]}", out var entry) && entry.Action == "Approve"
                        && keys.Contains(line[5]) && cases.TryGetValue(id, out var c) && c.Version >= long.Parse(line[6]);
                    break;
                case "checkout":
                    var pair = (Guid.Parse(line[1]), Guid.Parse(line[2]));
                    checkouts[pair] = checkouts.GetValueOrDefault(pair) + 1;
                    ok = ledger.TryGetValue(pair.Item1, out var l1) && l1.Count(e => e.Action == "CheckedOut" && e.Trip == pair.Item2) >= checkouts[pair]
                        && docs[pair.Item1].Version >= long.Parse(line[3]);
                    break;
                case "return":
                    var doc = Guid.Parse(line[1]);
                    returns[doc] = returns.GetValueOrDefault(doc) + 1;
                    ok = ledger.TryGetValue(doc, out var l2) && l2.Count(e => e.Action == "Returned") >= returns[doc]
                        && docs[doc].Version >= long.Parse(line[2]);
                    break;
            }
            if (ok)
            {
                verified++;
            }
            else
            {
                failures.Add($"acknowledged write missing: {string.Join(' ', line)}");
            }
        }

        // Every case: its current step undecided while in progress, its last step decided once closed
        // or returned; a trip's state follows its case.
        foreach (var (id, c) in cases)
        {
            var decided = transitions.TryGetValue($"{id:N}/{c.Round}/{c.Step}", out var e) ? e.Action : null;
            var expected = c.State switch
            {
                "InProgress" => null,
                "Approved" => "Approve",
                "Rejected" => "Reject",
                _ => "Return",
            };
            if (decided != expected)
            {
                failures.Add($"case {id} is {c.State} at step {c.Step} round {c.Round} but that step's decision is {decided ?? "none"}");
            }
        }
        foreach (var (id, t) in trips)
        {
            if (!cases.TryGetValue(t.Case, out var c) || c.Type != "trip")
            {
                continue;
            }
            var fits = c.State switch
            {
                "InProgress" => t.State == "Submitted",
                "Returned" => t.State is "Returned" or "Draft",
                "Rejected" => t.State == "Rejected",
                _ => t.State is "Publicity" or "Approved" or "Withdrawn",
            };
            if (!fits)
            {
                failures.Add($"trip {id} is {t.State} while its case is {c.State}");
            }
        }
        // Only the documents the client touched: the ledgers of the generated demo city are not all
        // in step with their documents to begin with.
        var touched = lines.Where(l => l[0] is "try-custody" or "checkout" or "return").Select(l => Guid.Parse(l[1])).ToHashSet();
        foreach (var (id, d) in docs.Where(d => touched.Contains(d.Key)))
        {
            var last = ledger.TryGetValue(id, out var l) && l.Count > 0 ? l[^1] : (Action: "none", Trip: null);
            var fits = d.Status switch
            {
                "CheckedOut" => last.Action == "CheckedOut" && last.Trip == d.Trip && d.Trip is not null,
                "InCustody" => last.Action is "Registered" or "Returned" && d.Trip is null,
                _ => true,
            };
            if (!fits)
            {
                failures.Add($"document {id} is {d.Status} (trip {d.Trip}) but its ledger ends with {last.Action} (trip {last.Trip})");
            }
        }
        return new Outcome(acknowledged, verified, failures);
    }
}
