using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.OutboundPlans;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Identity;

namespace Waishi.Tests.Features.TripCalendar;

/// <summary>
/// Trips of March 2027: the applicant's own approved trip (a title with a comma and a semicolon),
/// a colleague's trip in publicity (a long Chinese title), an approved trip of another unit, a trip
/// of that unit still in review, and an approved trip of another tenant.
/// </summary>
public sealed record CalendarData(TripPeople People, Trip Own, Trip Colleague, Trip OtherUnit, Trip InReview, Trip OtherTenant)
{
    public const string Month = "2027-03";
    public const string OwnTitle = "Kyoto, Osaka; robotics";
    public const string LongTitle = "赴日本东京大学参加国际机器人学术会议并开展合作研究交流访问及商谈联合培养研究生事宜的出访团组";

    public static async Task<CalendarData> SeedAsync(AppFactory app)
    {
        var people = await TripPeople.LoadAsync(app);
        var filer = await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.UserName == "cqu.officer-global").Select(u => u.Id).SingleAsync());
        var march = new DateOnly(2027, 3, 1).AddDays(-TripBuilder.DefaultLead);

        var own = await PlanData.AddTripAsync(app, new TripBuilder(people, march.AddDays(9)).Change(t => t.Title = OwnTitle).InState(TripState.Approved));
        var colleague = people.Colleagues[0];
        var colleagueTrip = await PlanData.AddTripAsync(app, new TripBuilder(people, march.AddDays(11)).To("KR", "Seoul")
            .Change(t => { t.Title = LongTitle; t.ApplicantId = colleague.Id; t.FiledByUserId = filer; t.Members[0].StaffMemberId = colleague.Id; })
            .InState(TripState.Publicity));
        var stranger = people.OtherUnit[0];
        TripBuilder OtherUnit(int day, string title) => new TripBuilder(people, march.AddDays(day))
            .Change(t => { t.Title = title; t.UnitId = stranger.UnitId!.Value; t.ApplicantId = stranger.Id; t.FiledByUserId = filer; t.Members[0].StaffMemberId = stranger.Id; });
        var otherUnit = await PlanData.AddTripAsync(app, OtherUnit(19, "Other unit trip").InState(TripState.Approved));
        var inReview = await PlanData.AddTripAsync(app, OtherUnit(4, "Trip still in review").InState(TripState.Submitted));

        var cqupt = await TripPeople.LoadAsync(app, "CQUPT");
        var otherTenant = await PlanData.AddTripAsync(app, new TripBuilder(cqupt, march.AddDays(9)).Change(t => t.Title = "Other tenant trip").InState(TripState.Approved));
        return new CalendarData(people, own, colleagueTrip, otherUnit, inReview, otherTenant);
    }

    public Trip[] All => [Own, Colleague, OtherUnit, InReview, OtherTenant];
}
