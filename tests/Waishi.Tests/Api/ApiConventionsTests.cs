using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Api;

public sealed class ApiConventionsTests
{
    [Fact]
    public async Task Lists_are_paged_with_defaults_and_totals()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");

        var first = await (await client.GetAsync("/api/v1/staff")).JsonAsync();
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(50, first.GetProperty("pageSize").GetInt32());
        var total = first.GetProperty("total").GetInt32();
        Assert.Equal(Math.Min(50, total), first.GetProperty("items").GetArrayLength());

        var second = await (await client.GetAsync("/api/v1/staff?page=2&pageSize=7")).JsonAsync();
        Assert.Equal(7, second.GetProperty("items").GetArrayLength());
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        var expected = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber.StartsWith("CQU0"))
            .OrderBy(s => s.StaffNumber).Skip(7).Select(s => s.StaffNumber).FirstAsync());
        Assert.Equal(expected, second.GetProperty("items")[0].GetProperty("staffNumber").GetString());
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("unitId=nope", "unitId")]
    [InlineData("active=maybe", "active")]
    [InlineData("cadreLevel=General", "cadreLevel")]
    public async Task Invalid_query_parameters_are_a_400_naming_the_parameter(string query, string parameter)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var response = await client.GetAsync("/api/v1/staff?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Contains(parameter, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Theory]
    [InlineData("{\"staffNumber\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"staffNumber\": \"X1\", \"nameZh\": \"张三\", \"cadreLevel\": \"Emperor\"}")]
    [InlineData("{\"staffNumber\": \"X1\", \"nameZh\": \"张三\", \"isClassified\": \"yes\"}")]
    public async Task Bad_json_bodies_are_a_400_problem_and_write_nothing(string body)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var before = await app.WithDbAsync(db => db.Set<StaffMember>().CountAsync());

        var response = await client.PostAsync("/api/v1/staff", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<StaffMember>().CountAsync()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415_problem()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var response = await client.PostAsync("/api/v1/staff", new StringContent("staffNumber=X1", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Validation_errors_are_keyed_by_field_and_localised()
    {
        await using var app = await AppFactory.CreateAsync();
        var english = await app.SignInAsync("cqu.tenant-admin");
        var body = new { staffNumber = "", nameZh = "张三", email = "not-an-address" };

        var response = await english.PostJsonAsync("/api/v1/staff", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Enter the Staff number.", errors.GetProperty("staffNumber")[0].GetString());
        Assert.Contains("not-an-address is not an e-mail address", errors.GetProperty("email")[0].GetString());

        var chinese = await app.SignInAsync("cqu.officer-global", culture: "zh-CN");
        var zh = await (await chinese.GetAsync("/api/v1/staff?pageSize=999")).JsonAsync();
        Assert.Equal("pageSize 必须是 1 到 200 之间的整数。", zh.GetProperty("errors").GetProperty("pageSize")[0].GetString());
        Assert.Equal("请求中有无效的值。", zh.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Anonymous_calls_get_401_problem_and_forbidden_roles_403()
    {
        await using var app = await AppFactory.CreateAsync();
        var anonymous = await app.NewClient().GetAsync("/api/v1/staff");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/staff")).StatusCode);

        var auditor = await app.SignInAsync("cqu.auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/staff")).StatusCode);
        var write = await auditor.PostJsonAsync("/api/v1/units", new { code = "X-NEW", nameZh = "新", nameEn = "New", kind = "Office" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_declares_the_bearer_scheme()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var put = document.GetProperty("paths").GetProperty("/api/v1/staff/{id}").GetProperty("put");
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(put.TryGetProperty("requestBody", out _));
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/staff/not-an-id", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/api/v1/staff", HttpStatusCode.MethodNotAllowed)]
    public async Task Unknown_addresses_and_methods_answer_a_problem_not_the_html_error_page(string method, string url, HttpStatusCode status)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }
}
