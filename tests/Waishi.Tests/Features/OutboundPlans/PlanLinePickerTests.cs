using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.OutboundPlans;

namespace Waishi.Tests.Features.OutboundPlans;

public sealed class PlanLinePickerTests
{
    [Fact]
    public async Task The_trip_forms_picker_offers_the_units_lines_departure_year_first()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await PlanData.AddPlanAsync(app, people, 2026, PlanState.Accepted, PlanData.Line(people, "Old visit", "FR", 1, 9, 0m));
        var current = PlanData.Line(people, "Robotics conference", "JP,DE", 2, 5, 0m);
        await PlanData.AddPlanAsync(app, people, 2027, PlanState.Accepted, current, PlanData.Line(people, "Summer school", "US", 1, 7, 0m));
        await PlanData.AddPlanAsync(app, people with { UnitId = people.OtherUnit[0].UnitId!.Value }, 2027, PlanState.Accepted,
            PlanData.Line(people, "Another unit's visit", "JP", 1, 1, 0m));

        var model = await app.WithDbAsync(async db =>
        {
            var component = new PlanLinePickerViewComponent(db)
            {
                ViewComponentContext = new ViewComponentContext
                {
                    ViewContext = new ViewContext
                    {
                        HttpContext = new DefaultHttpContext(),
                        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
                    },
                },
            };
            var result = Assert.IsType<ViewViewComponentResult>(await component.InvokeAsync(people.UnitId, 2027, current.Id));
            return Assert.IsType<PlanLinePickerViewComponent.Model>(result.ViewData!.Model);
        });

        Assert.Equal("Form.PlanItemId", model.Name);
        Assert.Equal(current.Id, model.Selected);
        Assert.Equal(["2027-05 · Robotics conference (JP, DE)", "2027-07 · Summer school (US)", "2026-09 · Old visit (FR)"], model.Choices.Select(c => c.Text));
    }
}
