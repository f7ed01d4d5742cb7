using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Security;
using Microsoft.AspNetCore.Identity;

namespace EasternSelect.Portal.Infrastructure.Cli;

/// <summary>
/// Commands run instead of the web server: <c>create-admin --email …</c> and <c>seed --scale full|demo</c>.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "seed";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var demoMode = PortalConfiguration.IsDemoMode(app.Configuration, app.Environment);
        await DatabaseInitializer.InitializeAsync(app.Services, demoMode: false);
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(app.Services, Option(args, "--email"), Option(args, "--name")),
            "seed" => await SeedAsync(app.Services, Option(args, "--scale") ?? "full"),
            _ => Usage(),
        };
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string? email, string? name)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return Usage();
        }

        var result = await CreateAdministratorAsync(services, email, name, ReadPassword());
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        Console.WriteLine($"Administrator {email} created. Sign in and set up two-factor authentication: administration requires it outside demo mode.");
        return 0;
    }

    /// <summary>The first administrator of a new install (what <c>create-admin</c> does after reading the password).</summary>
    public static async Task<IdentityResult> CreateAdministratorAsync(IServiceProvider services, string email, string? name, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name ?? email,
            CreatedUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, Roles.Administrator) : result;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        Console.Write("Password (at least 12 characters): ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string(chars.ToArray());
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string scaleName)
    {
        var scale = scaleName.ToLowerInvariant() switch
        {
            "full" => SupplierSeeder.Scale.Full,
            "demo" => SupplierSeeder.Scale.Demo,
            _ => null,
        };
        if (scale is null)
        {
            return Usage();
        }

        await using var db = services.GetRequiredService<PortalDatabase>().Create(AuditActor.System with { UserName = "seed-command" });
        if (await SupplierSeeder.HasSuppliersAsync(db, CancellationToken.None))
        {
            await Console.Error.WriteLineAsync("The database already holds suppliers: seed fills an empty database only.");
            return 1;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var started = DateTime.UtcNow;
        var lastPercent = -1;
        var progress = new Progress<(int Done, int Total)>(p =>
        {
            var percent = (int)(100L * p.Done / p.Total);
            if (percent != lastPercent)
            {
                lastPercent = percent;
                Console.Write(string.Create(CultureInfo.InvariantCulture, $"\rSeeding {p.Done:N0} / {p.Total:N0} rows ({percent}%)   "));
            }
        });
        await SupplierSeeder.SeedAsync(db, scale, clock, progress, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nSeeded {scale.Suppliers:N0} suppliers and {scale.Products:N0} products in {(DateTime.UtcNow - started).TotalSeconds:F0} s."));

        // A year of incoming lots at the retailer's volume (full) or the demo sample, replayed through the switching rules.
        started = DateTime.UtcNow;
        var lotScale = scale == SupplierSeeder.Scale.Full ? IncomingLotSeeder.Scale.Full : IncomingLotSeeder.Scale.Demo;
        var lots = await IncomingLotSeeder.SeedAsync(db, lotScale, clock, progress: null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {lots:N0} incoming lots in {(DateTime.UtcNow - started).TotalSeconds:F0} s."));

        if (scale == SupplierSeeder.Scale.Full)
        {
            // A year of complaints at the retailer's volume, for the complaint list and KPI benchmarks.
            started = DateTime.UtcNow;
            lastPercent = -1;
            var caseProgress = new Progress<(int Done, int Total)>(p =>
            {
                var percent = (int)(100L * p.Done / p.Total);
                if (percent != lastPercent)
                {
                    lastPercent = percent;
                    Console.Write(string.Create(CultureInfo.InvariantCulture, $"\rSeeding {p.Done:N0} / {p.Total:N0} complaints ({percent}%)   "));
                }
            });
            await CaseworkSeeder.SeedFullAsync(db, clock, caseProgress, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nSeeded {CaseworkSeeder.FullScaleComplaints:N0} complaints of {CaseworkSeeder.FullScaleYear} in {(DateTime.UtcNow - started).TotalSeconds:F0} s."));
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              dotnet run --project EasternSelect.Portal -- create-admin --email admin@example.com [--name "顯示名稱"]
                  (asks for the password, or reads it from standard input)
              dotnet run --project EasternSelect.Portal -- seed --scale full|demo
            """);
        return 2;
    }
}
