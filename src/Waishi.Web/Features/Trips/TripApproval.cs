using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// Files trips and their amendments on their approval chains. The case's applicant is the user who
/// filed the trip (who also resubmits it after a return); the applicant, the members and the filer
/// cannot decide on it (<see cref="TripCases"/>).
/// </summary>
public sealed class TripApproval(AppDbContext db, WorkflowEngine engine, TimeProvider clock, IEnumerable<ITripScreening> screenings)
{
    public const string NotSubmittableMessage = "Only a draft or a trip returned for revision can be submitted; this trip is {0}.";

    /// <summary>What the chain's conditions read: classified members, a senior cadre leading, a
    /// destination in Taiwan, the size, and whether the city must approve (a member at or above
    /// deputy bureau level, or Taiwan).</summary>
    public static CaseFacts Facts(Trip trip, IReadOnlyDictionary<Guid, StaffMember> people)
    {
        StaffMember? Person(Guid id) => people.GetValueOrDefault(id);
        var members = trip.Members.Select(m => Person(m.StaffMemberId)).OfType<StaffMember>().ToList();
        var leader = trip.Members.Where(m => m.Role == DelegationRole.Leader).Select(m => Person(m.StaffMemberId)).FirstOrDefault();
        var taiwan = trip.Type == TripType.Taiwan || trip.Destinations.Any(d => d.CountryCode == "TW");
        return new CaseFacts(
            ClassifiedMember: members.Any(m => m.IsClassified),
            SeniorCadreLeader: leader?.IsSeniorCadre ?? false,
            DestinationTaiwan: taiwan,
            Size: trip.Members.Count,
            CityApproval: members.Any(m => m.IsSeniorCadre) || taiwan);
    }

    /// <summary>What the authority reads to decide: number, type, destinations, dates, the size and
    /// leader of the delegation, the purpose. Nothing else of the institution reaches it.</summary>
    public static string Summary(Trip trip, IReadOnlyDictionary<Guid, StaffMember> people)
    {
        var leader = trip.Members.Where(m => m.Role == DelegationRole.Leader)
            .Select(m => people.GetValueOrDefault(m.StaffMemberId)).FirstOrDefault();
        var places = string.Join(", ", trip.Destinations.OrderBy(d => d.SortOrder).Select(d => $"{d.City} ({d.CountryCode})"));
        var lines = new[]
        {
            $"No. {trip.Number} · {TripLabels.Of(trip.Type)}",
            $"{places}",
            $"{trip.DepartureDate:yyyy-MM-dd} – {trip.ReturnDate:yyyy-MM-dd} ({trip.Days} days)",
            $"Delegation of {trip.Members.Count}, led by {leader?.NameZh}{(leader?.NameEn is { } en ? " " + en : "")}{(leader?.Title is { } title ? ", " + title : "")}",
            $"{trip.Purpose}",
        };
        return Summary(string.Join("\n", lines));
    }

    private static string Summary(string text) => text.Length > 2000 ? text[..2000] : text;

    public static async Task<Dictionary<Guid, StaffMember>> PeopleAsync(AppDbContext db, Guid tenantId, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<StaffMember>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.TenantId == tenantId && list.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
    }

    /// <summary>
    /// Submits a saved, checked trip: a draft gets its filing number and a new case; a returned trip
    /// is resubmitted on its case, which restarts at the step that returned it. The trip's state
    /// follows its case in the same save.
    /// </summary>
    public async Task<WorkflowResult> SubmitAsync(Guid tripId, Guid userId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var trip = await db.Set<Trip>().Include(t => t.Members).Include(t => t.Destinations)
                .AsSplitQuery().SingleAsync(t => t.Id == tripId, ct);
            var people = await PeopleAsync(db, trip.TenantId, trip.Members.Select(m => m.StaffMemberId), ct);
            var hit = false;
            foreach (var screening in screenings)
            {
                hit |= await screening.ScreenAsync(trip, ct);
            }
            var facts = Facts(trip, people) with { ScreeningHit = hit };
            if (trip.State == TripState.Returned && trip.CaseId is { } caseId)
            {
                var returned = await db.Set<WorkflowCase>().AsNoTracking().SingleAsync(x => x.Id == caseId, ct);
                trip.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
                return await engine.DecideAsync(caseId, new CaseDecision(WorkflowAction.Resubmit, userId, returned.Step, returned.Version,
                    NewFacts: facts), ct);
            }
            if (trip.State != TripState.Draft)
            {
                return new WorkflowResult(DecisionStatus.Conflict, NotSubmittableMessage, Guid.Empty, CaseState.InProgress, 0, 0);
            }
            trip.Number ??= await NextNumberAsync(ct);
            trip.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
            var c = await engine.StageAsync(new StartCase(CaseTypes.Trip, $"{trip.Number} {trip.Title}", trip.FiledByUserId, trip.UnitId,
                facts, Summary(trip, people), $"/Trips/Details/{trip.Id}", trip.Id), ct);
            trip.CaseId = c.Id;
            try
            {
                await db.SaveChangesAsync(ct);
                return WorkflowEngine.Result(c);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another trip took the same number in the meantime: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Filing numbers run per tenant and year of filing: 2026-00001, 2026-00002 ...</summary>
    private async Task<string> NextNumberAsync(CancellationToken ct)
    {
        var prefix = TripsSetup.Today(clock).Year + "-";
        var last = await db.Set<Trip>().Where(t => t.Number != null && t.Number.StartsWith(prefix))
            .OrderByDescending(t => t.Number).Select(t => t.Number).FirstOrDefaultAsync(ct);
        var n = last is not null && int.TryParse(last[prefix.Length..], out var k) ? k + 1 : 1;
        return prefix + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Files an amendment on its chain, or resubmits a returned one, in one save with the amendment.</summary>
    public async Task<WorkflowResult> SubmitAmendmentAsync(TripAmendment amendment, Trip trip, TripTerms after, Guid userId, CancellationToken ct)
    {
        var proposed = Proposed(trip, after);
        var people = await PeopleAsync(db, trip.TenantId, proposed.Members.Select(m => m.StaffMemberId), ct);
        // The inviting organisation is screened again with the amended destinations.
        var hit = false;
        foreach (var screening in screenings)
        {
            hit |= await screening.ScreenAsync(proposed, ct);
        }
        var facts = Facts(proposed, people) with { ScreeningHit = hit };
        if (amendment.State == AmendmentState.Returned && amendment.CaseId is { } caseId)
        {
            var c = await db.Set<WorkflowCase>().AsNoTracking().SingleAsync(x => x.Id == caseId, ct);
            return await engine.DecideAsync(caseId, new CaseDecision(WorkflowAction.Resubmit, userId, c.Step, c.Version, NewFacts: facts), ct);
        }
        var staged = await engine.StageAsync(new StartCase(CaseTypes.TripAmendment,
            $"{trip.Number} {trip.Title} · amendment {amendment.Sequence}", userId, trip.UnitId, facts,
            Summary("Amendment: " + amendment.Reason + "\n\n" + Summary(proposed, people)), $"/Trips/Details/{trip.Id}#amendments", amendment.Id), ct);
        amendment.CaseId = staged.Id;
        await db.SaveChangesAsync(ct);
        return WorkflowEngine.Result(staged);
    }

    /// <summary>A detached copy of the trip with the terms of an amendment, for the checks and the facts.</summary>
    public static Trip Proposed(Trip trip, TripTerms terms) => new()
    {
        Id = trip.Id, TenantId = trip.TenantId, ApplicantId = trip.ApplicantId, FiledByUserId = trip.FiledByUserId, UnitId = trip.UnitId,
        Type = trip.Type, State = trip.State, Title = trip.Title, Purpose = trip.Purpose, Tasks = trip.Tasks,
        InvitingOrganisation = trip.InvitingOrganisation, FundingSource = trip.FundingSource, Number = trip.Number,
        DepartureDate = terms.DepartureDate, ReturnDate = terms.ReturnDate,
        Destinations = [.. terms.Destinations.Select((d, i) => new TripDestination { TripId = trip.Id, CountryCode = d.CountryCode, City = d.City, SortOrder = i })],
        Members = [.. terms.Members.Select((m, i) => new TripMember { TripId = trip.Id, StaffMemberId = m.StaffMemberId, Role = m.Role, SortOrder = i })],
    };

    /// <summary>Moves trips whose publicity period has ended to final approval and tells the filer.
    /// Returns how many were approved.</summary>
    public static async Task<int> EndPublicityAsync(AppDbContext db, Notifier notifier, ApprovalDocuments documents, DateOnly today,
        DateTime nowUtc, CancellationToken ct)
    {
        var due = await db.Set<Trip>().IgnoreQueryFilters()
            .Where(t => t.State == TripState.Publicity && t.PublicityEndsOn != null && t.PublicityEndsOn < today)
            .OrderBy(t => t.PublicityEndsOn).Take(500).ToListAsync(ct);
        foreach (var trip in due)
        {
            await ApproveAsync(db, trip, nowUtc, notifier, documents, ct);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>Final approval: the trip is approved, its approval document (批件) issued and its filer told.</summary>
    internal static async Task ApproveAsync(AppDbContext db, Trip trip, DateTime nowUtc, Notifier notifier, ApprovalDocuments documents, CancellationToken ct)
    {
        trip.State = TripState.Approved;
        trip.ApprovedUtc = nowUtc;
        trip.PublicityEndsOn ??= DateOnly.FromDateTime(nowUtc);
        notifier.Enqueue(trip.TenantId, trip.FiledByUserId, $"出访已批准 · Trip approved: {trip.Number} {trip.Title}",
            "The publicity period ended without objection: the trip is approved.", $"/Trips/Details/{trip.Id}", $"trip-approved:{trip.Id:N}");
        await documents.EnsureIssuedAsync(db, trip, ct);
    }
}

/// <summary>Told when an approved amendment changed a trip's dates, destinations or members (in the
/// same unit of work, not saved yet): travel documents move their return due date, for instance.</summary>
public interface ITripTermsChanged
{
    Task OnTermsChangedAsync(Trip trip, CancellationToken ct);
}

/// <summary>Keeps trips and amendments in step with their cases, and names the people of a trip.</summary>
public sealed class TripCases(AppDbContext db, TimeProvider clock, Notifier notifier, ApprovalDocuments documents,
    IEnumerable<ITripTermsChanged> listeners) : IWorkflowSubject
{
    public bool Handles(string caseType) => caseType is CaseTypes.Trip or CaseTypes.TripAmendment;

    public async Task OnMovedAsync(WorkflowCase c, CancellationToken ct)
    {
        if (c.SubjectId is not { } id)
        {
            return;
        }
        if (c.CaseType == CaseTypes.TripAmendment)
        {
            await AmendmentMovedAsync(c, id, ct);
            return;
        }
        var trip = await TripAsync(id, c.TenantId, ct);
        if (trip is null)
        {
            return;
        }
        trip.CaseId = c.Id;
        switch (c.State)
        {
            case CaseState.InProgress:
                trip.State = TripState.Submitted;
                break;
            case CaseState.Returned:
                trip.State = TripState.Returned;
                break;
            case CaseState.Rejected:
                trip.State = TripState.Rejected;
                break;
            case CaseState.Approved:
                var policy = await db.Set<TripPolicy>().IgnoreQueryFilters().AsNoTracking()
                    .FirstOrDefaultAsync(p => p.TenantId == c.TenantId, ct) ?? TripPolicy.Defaults();
                if (policy.PublicityWorkingDays <= 0)
                {
                    await TripApproval.ApproveAsync(db, trip, clock.GetUtcNow().UtcDateTime, notifier, documents, ct);
                }
                else
                {
                    trip.State = TripState.Publicity;
                    trip.PublicityEndsOn = WorkingDays.After(TripsSetup.Today(clock), policy.PublicityWorkingDays);
                }
                break;
        }
    }

    private async Task AmendmentMovedAsync(WorkflowCase c, Guid id, CancellationToken ct)
    {
        var amendment = db.Set<TripAmendment>().Local.FirstOrDefault(a => a.Id == id)
            ?? await db.Set<TripAmendment>().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id && a.TenantId == c.TenantId, ct);
        if (amendment is null)
        {
            return;
        }
        amendment.CaseId = c.Id;
        amendment.State = c.State switch
        {
            CaseState.Returned => AmendmentState.Returned,
            CaseState.Rejected => AmendmentState.Rejected,
            CaseState.Approved => AmendmentState.Approved,
            _ => AmendmentState.InReview,
        };
        if (c.IsClosed)
        {
            amendment.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        }
        if (c.State == CaseState.Approved && await TripAsync(amendment.TripId, c.TenantId, ct, withRows: true) is { } trip)
        {
            TripTerms.FromJson(amendment.After).ApplyTo(trip, db);
            // Changing only rows must still bump the trip's version.
            db.Entry(trip).Property(t => t.Title).IsModified = true;
            if (trip.State == TripState.Approved)
            {
                await documents.ReissueAsync(db, trip, ct);
            }
            foreach (var listener in listeners)
            {
                await listener.OnTermsChangedAsync(trip, ct);
            }
        }
    }

    private async Task<Trip?> TripAsync(Guid id, Guid tenantId, CancellationToken ct, bool withRows = false)
    {
        if (db.Set<Trip>().Local.FirstOrDefault(t => t.Id == id) is { } local)
        {
            return local;
        }
        var query = db.Set<Trip>().IgnoreQueryFilters().Where(t => t.Id == id && t.TenantId == tenantId);
        if (withRows)
        {
            query = query.Include(t => t.Members).Include(t => t.Destinations).AsSplitQuery();
        }
        return await query.FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyCollection<Guid>> InvolvedUsersAsync(WorkflowCase c, CancellationToken ct)
    {
        var tripId = c.CaseType == CaseTypes.TripAmendment
            ? await db.Set<TripAmendment>().IgnoreQueryFilters().Where(a => a.Id == c.SubjectId).Select(a => (Guid?)a.TripId).FirstOrDefaultAsync(ct)
            : c.SubjectId;
        if (tripId is null)
        {
            return [];
        }
        var trip = await db.Set<Trip>().IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == tripId)
            .Select(t => new { t.ApplicantId, t.FiledByUserId, t.TenantId }).FirstOrDefaultAsync(ct);
        if (trip is null)
        {
            return [];
        }
        var staff = await db.Set<TripMember>().IgnoreQueryFilters().Where(m => m.TripId == tripId)
            .Select(m => m.StaffMemberId).ToListAsync(ct);
        staff.Add(trip.ApplicantId);
        var users = await db.Set<AppUser>().IgnoreQueryFilters()
            .Where(u => u.TenantId == trip.TenantId && u.StaffMemberId != null && staff.Contains(u.StaffMemberId.Value))
            .Select(u => u.Id).ToListAsync(ct);
        users.Add(trip.FiledByUserId);
        return users;
    }
}

/// <summary>Hourly: trips whose publicity period ended yesterday or before become approved.</summary>
public sealed class TripPublicityJob : Platform.Jobs.IRecurringJob
{
    public string Name => "trip-publicity";

    public Platform.Jobs.JobSchedule Schedule => Platform.Jobs.JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(Platform.Jobs.JobRun run, CancellationToken ct)
    {
        var db = run.Services.GetRequiredService<AppDbContext>();
        var clock = run.Services.GetRequiredService<TimeProvider>();
        await TripApproval.EndPublicityAsync(db, run.Services.GetRequiredService<Notifier>(),
            run.Services.GetRequiredService<ApprovalDocuments>(), TripsSetup.Today(clock),
            clock.GetUtcNow().UtcDateTime, ct);
    }
}
