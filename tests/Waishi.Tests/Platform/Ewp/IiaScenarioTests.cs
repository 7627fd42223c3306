using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Platform.Ewp;

/// <summary>
/// The example scenario of the IIAs API (Data/example-scenario/README.md): A proposes an agreement,
/// B enters its own copy bound to A's, each approves the other's version by its hash.
/// </summary>
public class IiaScenarioTests
{
    const string AIiaId = "0f7a5682-faf7-49a7-9cc7-ec486c49a281";
    const string BIiaId = "79364";

    static Iia GetResponse(string file)
    {
        var result = IiaReader.Read(EwpFiles.Text($"example-scenario/{file}"), partial: true);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return Assert.Single(result.Iias).Model;
    }

    static IiaApproval Approval(string file) =>
        Assert.Single(IiaApprovalReader.Read(EwpFiles.Text($"example-scenario/{file}")));

    [Fact]
    public void The_four_files_tell_the_story_of_the_readme()
    {
        // 2: A's response carries A's own id and hash; it does not know B's id yet.
        var fromA = GetResponse("01-A-get-response.part.xml");
        var aSide = IiaPerspective.Of(fromA, "A")!;
        Assert.Same(fromA.Partner1, aSide.Us);
        Assert.Equal(AIiaId, aSide.Us.IiaId);
        Assert.Null(aSide.TheirIiaId);
        Assert.Equal("2019/E+/23", aSide.Us.IiaCode);

        // 4: B's response carries B's id and hash, and A's id, which binds the two copies.
        var fromB = GetResponse("02-B-get-response.part.xml");
        Assert.Equal("B", fromB.Partner1.HeiId);
        var seenByA = IiaPerspective.Of(fromB, "A")!;
        Assert.Equal(BIiaId, seenByA.TheirIiaId);
        Assert.Equal(AIiaId, seenByA.OurIiaIdAsTheyKnowIt);
        Assert.True(seenByA.LinksTo(AIiaId));
        Assert.False(seenByA.LinksTo("another agreement"));
        Assert.Null(IiaPerspective.Of(fromB, "C"));

        // Both copies describe the same exchange: two students a year each way, EQF 7 and 8.
        static string Describe(Iia iia) => string.Join(" | ", iia.Conditions.Mobilities
            .Select(m => $"{m.Kind} {m.SendingHeiId}->{m.ReceivingHeiId} {m.FirstAcademicYear}-{m.LastAcademicYear} x{m.MobilitiesPerYear} eqf {string.Join(",", m.EqfLevels)}")
            .Order());
        Assert.Equal(Describe(fromA), Describe(fromB));
        Assert.Equal(["StudentStudies A->B 2019/2020-2020/2021 x2 eqf 7,8"], aSide.Outgoing.Select(m => $"{m.Kind} {m.SendingHeiId}->{m.ReceivingHeiId} {m.FirstAcademicYear}-{m.LastAcademicYear} x{m.MobilitiesPerYear} eqf {string.Join(",", m.EqfLevels)}"));
        Assert.Equal("A", seenByA.Incoming.Single().ReceivingHeiId);

        // The two copies are separate versions, each with its own hash and PDF.
        Assert.NotEqual(fromA.IiaHash, fromB.IiaHash);
        Assert.NotEqual(fromA.PdfFile, fromB.PdfFile);

        // 7: B approves A's agreement (A's id) at the hash A's response carried.
        var byB = Approval("03-B-approval-response.part.xml");
        Assert.Equal(AIiaId, byB.IiaId);
        Assert.Equal(fromA.IiaHash, byB.IiaHash);

        // 9: A approves B's agreement (B's id) at the hash B's response carried.
        var byA = Approval("04-A-approval-response.part.xml");
        Assert.Equal(BIiaId, byA.IiaId);
        Assert.Equal(fromB.IiaHash, byA.IiaHash);

        // The signed PDFs of the approvals are new documents, not the ones of the get responses.
        Assert.DoesNotContain(byB.PdfFile, new[] { fromA.PdfFile, fromB.PdfFile });
        Assert.DoesNotContain(byA.PdfFile, new[] { fromA.PdfFile, fromB.PdfFile });
    }

    [Fact]
    public void The_scenario_hashes_are_illustrations_and_a_check_says_so()
    {
        // Steps 6 and 8: each side recomputes the other's hash before approving. The abridged files
        // carry made-up hashes, so the v7 check must report them as not matching rather than trust them.
        foreach (var file in new[] { "01-A-get-response.part.xml", "02-B-get-response.part.xml" })
        {
            var check = IiaHash.Check(EwpFiles.FirstIia(EwpFiles.Text($"example-scenario/{file}")));
            Assert.False(check.Matches, file);
        }

        // A's copy and B's copy list the partners in opposite order, so even with the same
        // conditions the two versions have different texts to hash.
        var a = IiaHash.TextToHash(EwpFiles.FirstIia(EwpFiles.Text("example-scenario/01-A-get-response.part.xml")));
        var b = IiaHash.TextToHash(EwpFiles.FirstIia(EwpFiles.Text("example-scenario/02-B-get-response.part.xml")));
        Assert.StartsWith($"_iia-id_1={AIiaId}__iia-id_2=_", a);
        Assert.StartsWith($"_iia-id_1={BIiaId}__iia-id_2={AIiaId}_", b);
    }

    [Fact]
    public void The_partial_files_are_not_valid_responses()
    {
        // The README says so: they have no namespace and leave out required elements.
        Assert.False(IiaReader.Read(EwpFiles.Text("example-scenario/01-A-get-response.part.xml")).Ok);
    }
}
