using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>
/// Rate limits of the public grievance pages, per client address: submitting (the portal's only anonymous
/// write) and looking up a status (guessing tokens). Reading the empty form is not limited.
/// Configured under <c>RateLimits:GrievanceSubmit</c> and <c>RateLimits:GrievanceStatus</c> (PermitLimit, WindowMinutes).
/// </summary>
public static class PublicRateLimits
{
    public const string Submit = "grievance-submit";
    public const string Status = "grievance-status";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("送出次數過多，請稍後再試。Too many requests; please try again later.", ct);
            };
            Add(o, Submit, configuration.GetSection("RateLimits:GrievanceSubmit"), defaultLimit: 5);
            Add(o, Status, configuration.GetSection("RateLimits:GrievanceStatus"), defaultLimit: 20);
        });
        return services;
    }

    private static void Add(RateLimiterOptions options, string name, IConfiguration section, int defaultLimit)
    {
        var limit = section.GetValue("PermitLimit", defaultLimit);
        var window = TimeSpan.FromMinutes(section.GetValue("WindowMinutes", 10));
        options.AddPolicy(name, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read"));
    }
}
