using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.Trips;

public sealed class TripLetterTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% invitation\n%%EOF\n");

    [Fact]
    public async Task A_PDF_letter_is_stored_and_downloaded_by_those_who_see_the_trip()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");

        var response = await TripForms.PostAsync(client, "/Trips/Create",
            TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45), "draft"), ("invitation.pdf", Pdf, "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tripId = await app.WithDbAsync(db => db.Set<Trip>().Select(t => t.Id).SingleAsync());
        var download = await client.GetAsync($"/Trips/Details/{tripId}?handler=Letter");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var otherTenant = await app.SignInAsync("cqupt.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"/Trips/Details/{tripId}?handler=Letter")).StatusCode);
    }

    [Fact]
    public async Task A_letter_that_is_not_PDF_JPEG_or_PNG_or_too_large_is_refused_and_nothing_is_saved()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45), "draft");

        // Named and declared as a PDF, but its bytes are not one.
        var fake = await TripForms.PostAsync(client, "/Trips/Create", fields, ("letter.pdf", Encoding.ASCII.GetBytes("MZ not a pdf"), "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("The invitation letter must be a PDF, JPEG or PNG file; letter.pdf is none of these.", await fake.Content.ReadAsStringAsync());

        var big = new byte[TripLetter.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var tooLarge = await TripForms.PostAsync(client, "/Trips/Create", fields, ("big.pdf", big, "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("the limit is 10 MB", await tooLarge.Content.ReadAsStringAsync());

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Trip>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TripLetter>().CountAsync()));
    }
}
