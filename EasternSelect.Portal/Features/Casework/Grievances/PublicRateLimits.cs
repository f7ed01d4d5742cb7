using EasternSelect.Data;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>
/// Rate limits of the public grievance pages, per client address: submitting (the portal's only anonymous
/// write) and looking up a status (guessing tokens). Reading the empty form is not limited.
/// Configured under <c>RateLimits:GrievanceSubmit</c> and <c>RateLimits:GrievanceStatus</c> (PermitLimit, WindowMinutes).
/// The pages name their limit with [EnableRateLimiting]; the counts live in the database (ThrottleCounters)
/// so every instance behind the load balancer enforces the same limit.
/// </summary>
public static class PublicRateLimits
{
    public const string Submit = "grievance-submit";
    public const string Status = "grievance-status";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new Limits(
            Read(configuration.GetSection("RateLimits:GrievanceSubmit"), defaultLimit: 5),
            Read(configuration.GetSection("RateLimits:GrievanceStatus"), defaultLimit: 20)));
        return services;
    }

    public static IApplicationBuilder UsePublicRateLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicRateLimitMiddleware>();

    private static (int Limit, TimeSpan Window) Read(IConfiguration section, int defaultLimit) =>
        (section.GetValue("PermitLimit", defaultLimit), TimeSpan.FromMinutes(section.GetValue("WindowMinutes", 10.0)));

    internal sealed record Limits((int Limit, TimeSpan Window) Submit, (int Limit, TimeSpan Window) Status);

    /// <summary>A fixed window per policy and client address; POSTs only.</summary>
    internal sealed class PublicRateLimitMiddleware(RequestDelegate next, ThrottleStore store, Limits limits)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
            var (limit, window) = policy switch
            {
                Submit => limits.Submit,
                Status => limits.Status,
                _ => (0, TimeSpan.Zero),
            };
            if (window == TimeSpan.Zero || !HttpMethods.IsPost(context.Request.Method))
            {
                await next(context);
                return;
            }

            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            ThrottleCounter counter;
            try
            {
                counter = await store.UpdateAsync($"{policy}:{address}", (c, now) =>
                {
                    if (now - c.WindowStartUtc >= window)
                    {
                        c.Count = 0;
                        c.WindowStartUtc = now;
                    }

                    c.Count++;
                }, context.RequestAborted);
            }
            catch (Exception ex) when (TransientDatabaseError.Is(ex))
            {
                // A busy database: let the form answer (it keeps what was typed and says to try again) rather than fail here.
                await next(context);
                return;
            }

            if (counter.Count > limit)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("送出次數過多，請稍後再試。Too many requests; please try again later.", context.RequestAborted);
                return;
            }

            await next(context);
        }
    }
}
