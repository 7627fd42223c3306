using System.Globalization;

namespace Waishi.Web.Platform.Bench;

/// <summary>The home page ("awaiting me") and a case's page, read with hand-written SQL.</summary>
public static class RawPages
{
    /// <summary>/bench/raw/home?tenant=&amp;user=&amp;figure=1: what the home page of an institution's user
    /// shows: unread messages, the latest five, how many cases await her decision and, for the office
    /// (<c>figure=1</c>), the line "N partners in M countries; K agreements in force".</summary>
    public static async Task<IResult> HomeAsync(HttpRequest request, RawDatabase db, CancellationToken ct)
    {
        if (!Guid.TryParse(request.Query["tenant"], out var tenant) || !Guid.TryParse(request.Query["user"], out var user))
        {
            return RawJson.BadRequest("tenant, user: GUIDs are required");
        }
        await using var connection = await db.OpenAsync(ct);
        long Scalar(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
        await using var unreadCommand = db.Command(connection,
            "SELECT COUNT(*) FROM \"InboxItem\" WHERE \"TenantId\" = @t AND \"UserId\" = @u AND \"ReadUtc\" IS NULL", ("@t", tenant), ("@u", user));
        var unread = Scalar(await unreadCommand.ExecuteScalarAsync(ct));
        var latest = new List<(string Subject, string? Link, DateTime? Created, bool Read)>();
        await using (var command = db.Command(connection,
            "SELECT \"Subject\", \"Link\", \"CreatedUtc\", \"ReadUtc\" FROM \"InboxItem\" WHERE \"TenantId\" = @t AND \"UserId\" = @u " +
            "ORDER BY \"CreatedUtc\" DESC LIMIT 5", ("@t", tenant), ("@u", user)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                latest.Add((reader.GetString(0), RawDatabase.ReadString(reader, 1), RawDatabase.ReadDateTime(reader, 2), !reader.IsDBNull(3)));
            }
        }
        // The cases whose current step she may decide: her role (for the applicant's unit where the
        // step is unit-scoped) or a delegation to her, not filed by her (as WorkflowQueries.AwaitingToCount).
        await using var awaitingCommand = db.Command(connection,
            "SELECT COUNT(*) FROM \"WorkflowCase\" c WHERE c.\"TenantId\" = @t AND c.\"State\" = 'InProgress' AND c.\"ApplicantUserId\" <> @u " +
            "AND EXISTS (SELECT 1 FROM \"WorkflowStep\" s WHERE s.\"TenantId\" = @t AND s.\"ChainVersionId\" = c.\"ChainVersionId\" AND s.\"Position\" = c.\"Step\" " +
            "AND s.\"Scope\" <> 'Authority' AND (c.\"DelegateUserId\" = @u OR (c.\"DelegateUserId\" IS NULL AND EXISTS (SELECT 1 FROM \"RoleAssignment\" r " +
            "WHERE r.\"TenantId\" = @t AND r.\"UserId\" = @u AND r.\"Role\" = s.\"Role\" AND (s.\"Scope\" <> 'ApplicantUnit' OR r.\"OrgUnitId\" = c.\"ApplicantUnitId\")))))",
            ("@t", tenant), ("@u", user));
        var awaiting = Scalar(await awaitingCommand.ExecuteScalarAsync(ct));
        long partners = 0, countries = 0, agreements = 0;
        var figure = request.Query["figure"] == "1";
        if (figure)
        {
            await using (var command = db.Command(connection,
                "SELECT COUNT(*), COUNT(DISTINCT UPPER(TRIM(\"CountryCode\"))) FROM \"Partner\" WHERE \"TenantId\" = @t", ("@t", tenant)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                (partners, countries) = (Scalar(reader.GetValue(0)), Scalar(reader.GetValue(1)));
            }
            await using var inForce = db.Command(connection,
                "SELECT COUNT(DISTINCT x.\"AgreementId\") FROM \"AgreementParty\" x JOIN \"Agreement\" a ON a.\"Id\" = x.\"AgreementId\" " +
                "JOIN \"Partner\" p ON p.\"Id\" = x.\"PartnerId\" WHERE x.\"TenantId\" = @t AND a.\"TenantId\" = @t AND p.\"TenantId\" = @t " +
                "AND a.\"State\" IN ('Active', 'Expiring')", ("@t", tenant));
            agreements = Scalar(await inForce.ExecuteScalarAsync(ct));
        }
        return RawJson.Of(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("unread", unread);
            json.WriteNumber("awaiting", awaiting);
            json.WriteStartArray("latest");
            foreach (var (subject, link, created, read) in latest)
            {
                json.WriteStartObject();
                json.WriteString("subject", subject);
                json.WriteString("link", link ?? "/Inbox");
                json.Time("created", created);
                json.WriteBoolean("read", read);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (figure)
            {
                json.WriteStartObject("figure");
                json.WriteNumber("partners", partners);
                json.WriteNumber("countries", countries);
                json.WriteNumber("agreements", agreements);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        });
    }

    /// <summary>/bench/raw/case/{id}?tenant=: the case, its chain's steps and its timeline, oldest first.</summary>
    public static async Task<IResult> CaseAsync(Guid id, HttpRequest request, RawDatabase db, CancellationToken ct)
    {
        if (!Guid.TryParse(request.Query["tenant"], out var tenant))
        {
            return RawJson.BadRequest("tenant: a GUID is required");
        }
        await using var connection = await db.OpenAsync(ct);
        string title, caseType, state;
        string? summary;
        int step;
        Guid chain;
        DateTime? due;
        await using (var command = db.Command(connection,
            "SELECT \"Title\", \"CaseType\", \"State\", \"Summary\", \"Step\", \"ChainVersionId\", \"StepDueUtc\" FROM \"WorkflowCase\" " +
            "WHERE \"Id\" = @id AND \"TenantId\" = @t", ("@id", id), ("@t", tenant)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return Results.NotFound();
            }
            (title, caseType, state, summary, step, chain, due) = (reader.GetString(0), reader.GetString(1), reader.GetString(2),
                RawDatabase.ReadString(reader, 3), reader.GetInt32(4), RawDatabase.ReadGuid(reader, 5), RawDatabase.ReadDateTime(reader, 6));
        }
        var steps = new List<(int Position, string Role, string Scope, string Condition, int? Threshold)>();
        await using (var command = db.Command(connection,
            "SELECT \"Position\", \"Role\", \"Scope\", \"Condition\", \"Threshold\" FROM \"WorkflowStep\" WHERE \"ChainVersionId\" = @c ORDER BY \"Position\"",
            ("@c", chain)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                steps.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)));
            }
        }
        var timeline = new List<(string Action, string User, DateTime? At, int Step, int Round, string? Comment)>();
        await using (var command = db.Command(connection,
            "SELECT \"Action\", \"UserName\", \"AtUtc\", \"Step\", \"Round\", \"Comment\" FROM \"WorkflowEntry\" WHERE \"CaseId\" = @id AND \"TenantId\" = @t " +
            "ORDER BY \"AtUtc\", \"Id\"", ("@id", id), ("@t", tenant)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                timeline.Add((reader.GetString(0), reader.GetString(1), RawDatabase.ReadDateTime(reader, 2), reader.GetInt32(3), reader.GetInt32(4),
                    RawDatabase.ReadString(reader, 5)));
            }
        }
        return RawJson.Of(json =>
        {
            json.WriteStartObject();
            json.WriteString("title", title);
            json.WriteString("caseType", caseType);
            json.WriteString("state", state);
            json.WriteString("summary", summary);
            json.WriteNumber("step", step);
            json.Time("due", due);
            json.WriteStartArray("steps");
            foreach (var s in steps)
            {
                json.WriteStartObject();
                json.WriteNumber("position", s.Position);
                json.WriteString("role", s.Role);
                json.WriteString("scope", s.Scope);
                json.WriteString("condition", s.Condition);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("timeline");
            foreach (var e in timeline)
            {
                json.WriteStartObject();
                json.WriteString("action", e.Action);
                json.WriteString("user", e.User);
                json.Time("at", e.At);
                json.WriteNumber("step", e.Step);
                json.WriteNumber("round", e.Round);
                json.WriteString("comment", e.Comment);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
