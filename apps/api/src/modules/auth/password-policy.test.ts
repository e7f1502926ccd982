import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "./password-policy.ts";

const marie = {
  email: "marie-claude.tremblay@example.com",
  first_name: "Marie-Claude",
  last_name: "Tremblay",
};

describe("checkPasswordPolicy", () => {
  it.each(["correct horse battery staple", "Une maison à Sherbrooke, 3 chambres", "vK7#pz!qR2mw"])(
    "accepts %j",
    (password) => {
      expect(checkPasswordPolicy(password, marie)).toBeNull();
    },
  );

  it.each(["password123", "1234567890", "azertyuiop", "qwertyuiop", "PASSWORD123"])(
    "refuses the common password %j",
    (password) => {
      expect(checkPasswordPolicy(password)).toMatchObject({
        field: "password",
        code: "common_password",
      });
    },
  );

  it("refuses a password made of one or two characters repeated", () => {
    expect(checkPasswordPolicy("abababababab")?.code).toBe("repetitive_password");
    expect(checkPasswordPolicy("zzzzzzzzzzzz")?.code).toBe("repetitive_password");
  });

  it.each([
    ["the name plus a year", "Tremblay2024!"],
    ["a compound first name as typed", "Marie-Claude2024"],
    ["a compound first name without its dash", "marieclaude99"],
    ["one part of a compound first name", "Claude1234!"],
    ["the whole email", "marie-claude.tremblay@example.com"],
    ["the email's local part", "marie-claude.tremblay"],
    ["the service's name", "ImmoAssist2024"],
    ["the French word for password", "motdepasse1"],
  ])("refuses %s", (_case, password) => {
    expect(checkPasswordPolicy(password, marie)).toMatchObject({
      field: "password",
      code: "contextual_password",
    });
  });

  it("accepts a personal word inside a long enough passphrase", () => {
    expect(checkPasswordPolicy("Tremblay aime les maisons de pierre", marie)).toBeNull();
  });

  it("names the field it was asked to check", () => {
    expect(checkPasswordPolicy("1234567890", {}, "new_password")?.field).toBe("new_password");
  });
});
