using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Trips;

/// <summary>The demo people a trip test works with: the applicant account of a tenant, its staff
/// member and unit, colleagues of the same unit and staff of another unit.</summary>
public sealed record TripPeople(Guid TenantId, Guid ApplicantUserId, StaffMember Applicant, Guid UnitId,
    IReadOnlyList<StaffMember> Colleagues, IReadOnlyList<StaffMember> OtherUnit)
{
    public static Task<TripPeople> LoadAsync(AppFactory app, string tenantCode = "CQU") => app.WithDbAsync(async db =>
    {
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Code == tenantCode);
        var user = await db.Set<AppUser>().SingleAsync(u => u.UserName == tenantCode.ToLowerInvariant() + ".applicant");
        var applicant = await db.Set<StaffMember>().SingleAsync(s => s.Id == user.StaffMemberId);
        var unitId = applicant.UnitId!.Value;
        var colleagues = await db.Set<StaffMember>().Where(s => s.UnitId == unitId && s.Id != applicant.Id)
            .OrderBy(s => s.StaffNumber).ToListAsync();
        var others = await db.Set<StaffMember>().Where(s => s.TenantId == tenant.Id && s.UnitId != unitId)
            .OrderBy(s => s.StaffNumber).Take(5).ToListAsync();
        return new TripPeople(tenant.Id, user.Id, applicant, unitId, colleagues, others);
    });
}

/// <summary>Builds a trip that passes every check by default: a five-day conference in Tokyo,
/// departing <see cref="DefaultLead"/> days after <c>today</c>, led by the applicant.</summary>
public sealed class TripBuilder
{
    public const int DefaultLead = 60;
    private readonly Trip _trip;

    public TripBuilder(TripPeople people, DateOnly today)
    {
        _trip = new Trip
        {
            TenantId = people.TenantId, ApplicantId = people.Applicant.Id, FiledByUserId = people.ApplicantUserId,
            UnitId = people.UnitId, Type = TripType.Conference, Title = "Conference on robotics",
            Purpose = "Present a paper", Tasks = "Talk and meet partners", InvitingOrganisation = "University of Tokyo",
            FundingSource = "Research grant", CreatedUtc = DateTime.UtcNow,
        };
        _trip.Members.Add(new TripMember { TenantId = people.TenantId, StaffMemberId = people.Applicant.Id, Role = DelegationRole.Leader });
        _trip.Budget.Add(new TripBudgetLine { TenantId = people.TenantId, Category = BudgetCategory.InternationalTravel, Amount = 8000m });
        To("JP", "Tokyo").Departing(today.AddDays(DefaultLead), 5);
    }

    public TripBuilder To(string country, string city)
    {
        _trip.Destinations.Add(new TripDestination { TenantId = _trip.TenantId, CountryCode = country, City = city, SortOrder = _trip.Destinations.Count });
        return this;
    }

    public TripBuilder OfType(TripType type)
    {
        _trip.Type = type;
        return this;
    }

    /// <summary>Sets the dates and plans every day in the first destination's city.</summary>
    public TripBuilder Departing(DateOnly departure, int days)
    {
        _trip.DepartureDate = departure;
        _trip.ReturnDate = departure.AddDays(days - 1);
        _trip.Itinerary.Clear();
        for (var i = 0; i < days; i++)
        {
            _trip.Itinerary.Add(new TripItineraryDay
            {
                TenantId = _trip.TenantId, Date = departure.AddDays(i), City = _trip.Destinations[0].City, Activity = "Sessions", SortOrder = i,
            });
        }
        return this;
    }

    public TripBuilder With(StaffMember person, DelegationRole role = DelegationRole.Member)
    {
        _trip.Members.Add(new TripMember { TenantId = _trip.TenantId, StaffMemberId = person.Id, Role = role, SortOrder = _trip.Members.Count });
        return this;
    }

    public TripBuilder Change(Action<Trip> change)
    {
        change(_trip);
        return this;
    }

    public TripBuilder Submitted()
    {
        _trip.State = TripState.Submitted;
        _trip.SubmittedUtc = DateTime.UtcNow;
        return this;
    }

    public Trip Build() => _trip;
}
