using System.Net.Http.Headers;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.Trips;

/// <summary>Form posts of the trip pages.</summary>
public static class TripForms
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The fields of a complete five-day conference in Tokyo led by <paramref name="applicant"/>.</summary>
    public static Dictionary<string, string> Complete(Guid applicant, DateOnly departure, string action = "submit", string title = "Robotics conference")
    {
        var fields = new Dictionary<string, string>
        {
            ["Action"] = action, ["Form.ApplicantId"] = applicant.ToString(), ["Form.Type"] = "Conference", ["Form.Title"] = title,
            ["Form.Purpose"] = "Present a paper", ["Form.Tasks"] = "Talk", ["Form.InvitingOrganisation"] = "University of Tokyo",
            ["Form.FundingSource"] = "Research grant", ["Form.DepartureDate"] = departure.ToString("yyyy-MM-dd"),
            ["Form.ReturnDate"] = departure.AddDays(4).ToString("yyyy-MM-dd"),
            ["Form.Members[0].StaffMemberId"] = applicant.ToString(), ["Form.Members[0].Role"] = "Leader",
            ["Form.Destinations[0].CountryCode"] = "JP", ["Form.Destinations[0].City"] = "Tokyo",
            ["Form.Budget[0].Category"] = "InternationalTravel", ["Form.Budget[0].Amount"] = "8000.50",
        };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Form.Itinerary[{i}].Date"] = departure.AddDays(i).ToString("yyyy-MM-dd");
            fields[$"Form.Itinerary[{i}].City"] = "Tokyo";
            fields[$"Form.Itinerary[{i}].Activity"] = "Sessions";
        }
        return fields;
    }

    /// <summary>Posts the fields as multipart form data, with a file in "Letter" if given.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields,
        (string Name, byte[] Bytes, string Type)? letter = null)
    {
        var token = await client.AntiforgeryTokenAsync(url);
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (letter is { } file)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.Type);
            content.Add(part, "Letter", file.Name);
        }
        return await client.PostAsync(url, content);
    }
}
