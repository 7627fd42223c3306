using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.PartnerStats;

/// <summary>The partner page lists, dated, the agreements the partner is party to and the trips it invited.</summary>
public sealed class RelationshipHistoryTests
{
    [Fact]
    public async Task The_partner_page_lists_its_agreements_and_trips_by_date()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new StatsData(app);
        var tokyo = await data.PartnerAsync("University of Tokyo", "JP");
        var other = await data.PartnerAsync("Kyoto University", "JP");
        await data.AgreementAsync("Tokyo student exchange", AgreementState.Active, AgreementType.StudentExchange, a =>
        {
            a.SignedOn = new DateOnly(2025, 3, 14);
            a.ExpiresOn = new DateOnly(2030, 3, 13);
        }, tokyo);
        await data.AgreementAsync("Kyoto only agreement", AgreementState.Active, AgreementType.StudentExchange, other);
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, new DateOnly(2026, 5, 1)).Change(t =>
        {
            t.Title = "Robotics talks in Tokyo";
            t.PartnerId = tokyo;
            t.State = TripState.Approved;
        }).Build();
        await app.WithDbAsync(async db =>
        {
            db.Add(trip);
            await db.SaveChangesAsync();
        });

        var client = await app.SignInAsync("cqu.officer-global");
        var html = await client.GetStringAsync($"/Partners/Details/{tokyo}");
        var section = html[html.IndexOf("data-testid=\"relationship-history\"", StringComparison.Ordinal)..];
        Assert.Contains("Relationship history", section);
        Assert.Contains("Tokyo student exchange", section);
        Assert.Contains("Signed", section);
        Assert.Contains("Expires", section);
        Assert.Contains("Robotics talks in Tokyo (2026-06-30 – 2026-07-04)", section);
        Assert.Contains($"/Trips/Details/{trip.Id}", section);
        Assert.Contains("Approved", section);
        Assert.DoesNotContain("Kyoto only agreement", section);
        // Newest first: the expiry in 2030, the trip in 2026, the signing in 2025.
        Assert.True(section.IndexOf("Expires", StringComparison.Ordinal) < section.IndexOf("Robotics talks", StringComparison.Ordinal));
        Assert.True(section.IndexOf("Robotics talks", StringComparison.Ordinal) < section.IndexOf(">Signed<", StringComparison.Ordinal));

        var empty = await client.GetStringAsync($"/Partners/Details/{await data.PartnerAsync("New partner", "FR")}");
        Assert.Contains("No agreements, trips or other records involve this partner yet.", empty);
    }
}
