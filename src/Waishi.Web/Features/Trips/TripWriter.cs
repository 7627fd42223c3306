using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Trips;

/// <summary>Applies a form or API input to a trip, checks it as a draft or as a submission, and
/// stages the invitation letter; the caller saves, and then submits through <see cref="TripApproval"/>.</summary>
public sealed class TripWriter(AppDbContext db, TimeProvider clock, IEnumerable<ITripEligibility> eligibility)
{
    public async Task<List<FieldError>> ApplyAsync(Trip trip, TripInput input, TripAccess access, bool submit, FileUpload? letter, CancellationToken ct)
    {
        var errors = input.ApplyTo(trip);
        if (db.Entry(trip).State != EntityState.Detached)
        {
            // New rows of a tracked trip carry their keys already, so EF would take them for
            // existing rows to update: they are added explicitly.
            db.AddRange([.. trip.Members, .. trip.Destinations, .. trip.Itinerary, .. trip.Budget]);
        }
        if (input.ApplicantId is { } applicantId)
        {
            var applicant = await access.Applicants(db).FirstOrDefaultAsync(s => s.Id == applicantId, ct);
            if (applicant is null)
            {
                errors.Add(new(nameof(Trip.ApplicantId), "You can file only for yourself or for a member of your unit: choose the applicant from the list."));
            }
            else if (applicant.UnitId is { } unitId)
            {
                trip.UnitId = unitId;
            }
            else
            {
                errors.Add(new(nameof(Trip.ApplicantId), "{0} belongs to no unit: ask the administrator to set the unit in the staff directory.", applicant.NameZh));
            }
        }
        var policy = await TripPolicy.LoadAsync(db, ct);
        errors.AddRange(submit
            ? await TripRules.ValidateSubmissionAsync(db, trip, policy, TripsSetup.Today(clock), eligibility, ct)
            : await TripRules.ValidateDraftAsync(db, trip, ct));
        if (!submit)
        {
            // A draft's plan line must exist too, or the save fails on its key instead of saying so.
            errors.AddRange(await OutboundPlans.PlanLineEligibility.CheckLinkAsync(db, trip, ct));
        }
        if (letter is not null)
        {
            await StageLetterAsync(trip, letter, errors, ct);
        }
        return errors;
    }

    /// <summary>Runs the submission checks on a saved trip as it stands; <see cref="TripApproval"/> submits it when they pass.</summary>
    public async Task<List<FieldError>> CheckSubmissionAsync(Trip trip, CancellationToken ct)
    {
        var policy = await TripPolicy.LoadAsync(db, ct);
        return await TripRules.ValidateSubmissionAsync(db, trip, policy, TripsSetup.Today(clock), eligibility, ct);
    }

    private async Task StageLetterAsync(Trip trip, FileUpload upload, List<FieldError> errors, CancellationToken ct)
    {
        const string field = "Letter";
        if (upload.Size > TripLetter.MaxBytes)
        {
            errors.Add(new(field, "The invitation letter is {0:0.0} MB; the limit is 10 MB.", upload.Size / 1024.0 / 1024.0));
            return;
        }
        if (upload.Size == 0)
        {
            errors.Add(new(field, "The invitation letter file {0} is empty.", upload.FileName));
            return;
        }
        var bytes = await upload.ReadAsync(ct);
        if (FileUpload.SniffPdfOrImage(bytes) is not { } type)
        {
            errors.Add(new(field, "The invitation letter must be a PDF, JPEG or PNG file; {0} is none of these.", upload.FileName));
            return;
        }
        if (errors.Count > 0)
        {
            return;
        }
        var letter = await db.Set<TripLetter>().FirstOrDefaultAsync(l => l.TripId == trip.Id, ct);
        if (letter is null)
        {
            letter = new TripLetter { TripId = trip.Id, TenantId = trip.TenantId };
            db.Add(letter);
        }
        var name = upload.FileName.Length > 200 ? upload.FileName[^200..] : upload.FileName;
        letter.FileName = string.IsNullOrWhiteSpace(name) ? "letter" + TripLetter.AllowedTypes[type] : name;
        letter.ContentType = type;
        letter.Size = bytes.Length;
        letter.Content = bytes;
        letter.UploadedUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Staff members a delegation may be chosen from, by name.</summary>
    public Task<List<StaffMember>> StaffChoicesAsync(CancellationToken ct) =>
        db.Set<StaffMember>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.StaffNumber).ToListAsync(ct);
}
