using Waishi.Web.Features.People;

namespace Waishi.Web.Features.TripReports;

/// <summary>The fields of a trip report as posted by the form or sent to the API.</summary>
public sealed class ReportInput
{
    public sealed class DayRow
    {
        public DateOnly? Date { get; set; }
        public string? City { get; set; }
        public string? Activity { get; set; }
    }

    public string? Results { get; set; }
    public string? FollowUp { get; set; }
    public List<DayRow> Days { get; set; } = [];
    /// <summary>The version of the report the edit was made from; 0 when there is no report yet.</summary>
    public long Version { get; set; }

    public static ReportInput From(TripReport report) => new()
    {
        Results = report.Results, FollowUp = report.FollowUp, Version = report.Version,
        Days = [.. report.Days.OrderBy(d => d.SortOrder).Select(d => new DayRow { Date = d.Date, City = d.City, Activity = d.Activity })],
    };

    /// <summary>Writes the fields into the report and returns the new itinerary rows; a day without a
    /// date is an error of its own, reported here.</summary>
    public List<Platform.Data.FieldError> ApplyTo(TripReport report, out List<TripReportDay> added)
    {
        var errors = new List<Platform.Data.FieldError>();
        report.Results = TextFields.Optional(Results);
        report.FollowUp = TextFields.Optional(FollowUp);
        report.Days.Clear();
        added = [];
        foreach (var (row, i) in Days.Select((r, i) => (r, i)))
        {
            if (row.Date is null && string.IsNullOrWhiteSpace(row.City) && string.IsNullOrWhiteSpace(row.Activity))
            {
                continue; // an empty row of the form
            }
            if (row.Date is null)
            {
                errors.Add(new($"Days[{i}].Date", "Itinerary day {0}: enter the date.", i + 1));
                continue;
            }
            var day = new TripReportDay
            {
                TenantId = report.TenantId, TripReportId = report.Id, Date = row.Date.Value,
                City = row.City?.Trim() ?? "", Activity = row.Activity?.Trim() ?? "", SortOrder = added.Count,
            };
            added.Add(day);
            report.Days.Add(day);
        }
        return errors;
    }
}
