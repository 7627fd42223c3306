using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Partners;

/// <summary>/api/v1/partners: the tenant's partner institutions, their contacts, duplicate checks and merges.</summary>
public static class PartnersApi
{
    public sealed record PartnerSummaryDto(Guid Id, long Version, string NameEn, string? NameZh, string CountryCode, string? City,
        PartnerType Type, PartnerRegion Region, string? RorId, string? EwpHeiId);

    public sealed record ContactDto(Guid Id, long Version, string Name, string? Role, string? Email, string? Phone, string? Notes);

    public sealed record PartnerDto(Guid Id, long Version, string NameEn, string? NameZh, string? NameLocal, IReadOnlyList<string> Acronyms,
        IReadOnlyList<string> FormerNames, string CountryCode, string? City, PartnerType Type, PartnerRegion Region, string? RorId,
        string? Website, string? Notes, IReadOnlyList<ContactDto> Contacts, string? EwpHeiId);

    public sealed record DuplicatesDto(IReadOnlyList<PossibleDuplicate> Duplicates);

    public sealed record ContactInput(string? Name, string? Role, string? Email, string? Phone, string? Notes, long? Version);

    public sealed record MergeInput(Guid MergeId, long? Version, long? MergeVersion);

    public sealed record MergeDto(PartnerDto Partner, int MovedRows);

    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(Policies.Partners);
        read.MapGet("/", ListAsync).WithName("ListPartners").Produces<Paged<PartnerSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Partner institutions; filters q (any name), country, type, region; paged.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetPartner").Produces<PartnerDto>().ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/{id:guid}/contacts", ContactsAsync).WithName("ListPartnerContacts").Produces<List<ContactDto>>().ProducesProblem(StatusCodes.Status404NotFound);

        var edit = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(Policies.PartnersEditor);
        edit.MapPost("/duplicates", CheckAsync).WithName("CheckPartnerDuplicates").Produces<DuplicatesDto>().ProducesValidationProblem()
            .WithSummary("Partners that may be the one in the body: the same ROR id or EWP HEI id, or a name equal after normalisation.");
        edit.MapPost("/", CreateAsync).WithName("CreatePartner").Produces<PartnerDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates a partner; possible duplicates are a 409 listing them unless createAnyway is true.");
        edit.MapPut("/{id:guid}", UpdateAsync).WithName("UpdatePartner").Produces<PartnerDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        edit.MapDelete("/{id:guid}", DeleteAsync).WithName("DeletePartner").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a partner and its contacts; ?version= guards against deleting a newer version.");
        edit.MapPost("/{id:guid}/merge", MergeAsync).WithName("MergePartners").Produces<MergeDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Merges partner mergeId into this one: its contacts and every link to it move here, and it is removed.");
        edit.MapPost("/{id:guid}/contacts", AddContactAsync).WithName("AddPartnerContact").Produces<ContactDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        edit.MapPut("/{id:guid}/contacts/{contactId:guid}", UpdateContactAsync).WithName("UpdatePartnerContact").Produces<ContactDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        edit.MapDelete("/{id:guid}/contacts/{contactId:guid}", DeleteContactAsync).WithName("DeletePartnerContact")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static ContactDto ToDto(PartnerContact c) => new(c.Id, c.Version, c.Name, c.Role, c.Email, c.Phone, c.Notes);

    public static PartnerDto ToDto(Partner p) => new(p.Id, p.Version, p.NameEn, p.NameZh, p.NameLocal, [.. Partner.Lines(p.Acronyms)],
        [.. Partner.Lines(p.FormerNames)], p.CountryCode, p.City, p.Type, p.Region, p.RorId, p.Website, p.Notes,
        [.. p.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(ToDto)], p.EwpHeiId);

    private static async Task<Partner?> LoadAsync(AppDbContext db, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Set<Partner>().Include(p => p.Contacts).AsQueryable();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new PartnerFilter
        {
            Q = query.Text("q"), Country = query.Text("country"), Type = query.Choice<PartnerType>("type"), Region = query.Choice<PartnerRegion>("region"),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var page = await filter.Apply(db)
            .Select(p => new PartnerSummaryDto(p.Id, p.Version, p.NameEn, p.NameZh, p.CountryCode, p.City, p.Type, p.Region, p.RorId, p.EwpHeiId))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await LoadAsync(db, id, false, ct) is { } p ? TypedResults.Ok(ToDto(p)) : problems.NotFound();

    private static async Task<IResult> ContactsAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await LoadAsync(db, id, false, ct) is { } p ? TypedResults.Ok(ToDto(p).Contacts) : problems.NotFound();

    private static async Task<IResult> CheckAsync(PartnerInput input, AppDbContext db, CancellationToken ct)
    {
        var candidate = new Partner { Id = input.Id ?? Guid.Empty, NameEn = input.NameEn?.Trim() ?? "", NameZh = input.NameZh, NameLocal = input.NameLocal,
            Acronyms = input.Acronyms, FormerNames = input.FormerNames, RorId = Ror.RorRecord.ParseId(input.RorId),
            EwpHeiId = string.IsNullOrWhiteSpace(input.EwpHeiId) ? null : input.EwpHeiId.Trim().ToLowerInvariant() };
        return TypedResults.Ok(new DuplicatesDto(await PartnerDuplicates.FindAsync(db, candidate, ct)));
    }

    private static IResult DuplicatesConflict(HttpContext http, List<PossibleDuplicate> duplicates)
    {
        var t = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var first = duplicates[0];
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Conflict."],
            detail: t["This may be {0}. Open it, or send createAnyway: true to create a second record.", first.NameEn],
            extensions: new Dictionary<string, object?> { ["duplicates"] = duplicates });
    }

    private static async Task<IResult> CreateAsync(PartnerInput input, HttpContext http, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var partner = new Partner { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        input.ApplyTo(partner);
        if (!input.CreateAnyway && await PartnerDuplicates.FindAsync(db, partner, ct) is { Count: > 0 } duplicates)
        {
            return DuplicatesConflict(http, duplicates);
        }
        db.Add(partner);
        await db.SaveChangesAsync(ct);
        await PartnerSavedHooks.RunAsync(http.RequestServices, partner, ct);
        return TypedResults.Created($"/api/v1/partners/{partner.Id}", ToDto(partner));
    }

    private static async Task<IResult> UpdateAsync(Guid id, PartnerInput input, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var partner = await LoadAsync(db, id, true, ct);
        if (partner is null)
        {
            return problems.NotFound();
        }
        if (input.Version != partner.Version)
        {
            return problems.Stale();
        }
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        input.ApplyTo(partner);
        if (!input.CreateAnyway && await PartnerDuplicates.FindAsync(db, partner, ct) is { Count: > 0 } duplicates)
        {
            return DuplicatesConflict(http, duplicates);
        }
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        await PartnerSavedHooks.RunAsync(http.RequestServices, partner, ct);
        return TypedResults.Ok(ToDto(partner));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var partner = await LoadAsync(db, id, true, ct);
        if (partner is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, partner.Version, problems) is { } stale)
        {
            return stale;
        }
        if (await PartnerLinks.CountAsync(db, id, ct) > 0)
        {
            return problems.Conflict("Other records still refer to this partner. Merge it into the partner that replaces it instead.");
        }
        db.Remove(partner);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static async Task<IResult> MergeAsync(Guid id, MergeInput input, AppDbContext db, PartnerMerge merge, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<Partner>().AnyAsync(p => p.Id == id, ct))
        {
            return problems.NotFound();
        }
        if (input.MergeId == Guid.Empty || input.MergeId == id)
        {
            return problems.Validation("MergeId", "Choose another partner to merge into this one.");
        }
        var result = await merge.MergeAsync(id, input.MergeId, input.Version, input.MergeVersion, ct);
        if (!result.Succeeded)
        {
            return result.Error is null ? problems.NotFound() : problems.Stale();
        }
        db.ChangeTracker.Clear();
        return TypedResults.Ok(new MergeDto(ToDto((await LoadAsync(db, id, false, ct))!), result.MovedRows));
    }

    private static List<FieldError> Validate(ContactInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new FieldError("Name", "Enter the contact's name."));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(new FieldError("Name", "Shorten this to at most {0} characters.", 200));
        }
        if (input.Role?.Trim().Length > 200)
        {
            errors.Add(new FieldError("Role", "Shorten this to at most {0} characters.", 200));
        }
        if (!string.IsNullOrWhiteSpace(input.Email) && (input.Email.Trim().Length > 256 || !System.Net.Mail.MailAddress.TryCreate(input.Email.Trim(), out _)))
        {
            errors.Add(new FieldError("Email", "Enter an e-mail address such as name@example.org, or leave it empty."));
        }
        if (input.Phone?.Trim().Length > 64)
        {
            errors.Add(new FieldError("Phone", "Shorten this to at most {0} characters.", 64));
        }
        if (input.Notes?.Trim().Length > 1000)
        {
            errors.Add(new FieldError("Notes", "Shorten this to at most {0} characters.", 1000));
        }
        return errors;
    }

    public static void Apply(ContactInput input, PartnerContact c)
    {
        c.Name = input.Name!.Trim();
        c.Role = string.IsNullOrWhiteSpace(input.Role) ? null : input.Role.Trim();
        c.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        c.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        c.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }

    private static async Task<IResult> AddContactAsync(Guid id, ContactInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var partner = await LoadAsync(db, id, true, ct);
        if (partner is null)
        {
            return problems.NotFound();
        }
        if (Validate(input) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        var contact = new PartnerContact { PartnerId = partner.Id, SortOrder = partner.Contacts.Count };
        Apply(input, contact);
        db.Add(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/partners/{id}/contacts/{contact.Id}", ToDto(contact));
    }

    private static async Task<IResult> UpdateContactAsync(Guid id, Guid contactId, ContactInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var contact = await db.Set<PartnerContact>().SingleOrDefaultAsync(c => c.Id == contactId && c.PartnerId == id, ct);
        if (contact is null)
        {
            return problems.NotFound();
        }
        if (input.Version is { } version && version != contact.Version)
        {
            return problems.Stale();
        }
        if (Validate(input) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        Apply(input, contact);
        return await db.TrySaveAsync(ct) is null ? TypedResults.Ok(ToDto(contact)) : problems.Stale();
    }

    private static async Task<IResult> DeleteContactAsync(Guid id, Guid contactId, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var contact = await db.Set<PartnerContact>().SingleOrDefaultAsync(c => c.Id == contactId && c.PartnerId == id, ct);
        if (contact is null)
        {
            return problems.NotFound();
        }
        db.Remove(contact);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }
}
