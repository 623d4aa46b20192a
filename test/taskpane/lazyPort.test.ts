import { lazyPort } from "../../src/app/lazyPort";
import { FakePort } from "./fixtures";

describe("lazyPort", () => {
  it("loads the port once, on first use, and delegates every method", async () => {
    const real = new FakePort();
    real.settings = { published: "2017-05-10" };
    const load = jest.fn(async () => real);
    const port = lazyPort(load);
    expect(load).not.toHaveBeenCalled();
    await expect(port.readSettings()).resolves.toEqual({ published: "2017-05-10" });
    await port.writeSettings({ dueSoonDays: 3 });
    await port.readGrids({ sheet: "分工方案" });
    await port.clearHighlights();
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.settings).toEqual({ dueSoonDays: 3 });
    expect(real.readGridsCalls).toEqual([{ sheet: "分工方案" }]);
    expect(real.cleared).toBe(1);
  });

  it("retries a failed load on the next call", async () => {
    const real = new FakePort();
    const load = jest.fn().mockRejectedValueOnce(new Error("ChunkLoadError")).mockResolvedValue(real);
    const port = lazyPort(load);
    await expect(port.readSettings()).rejects.toThrow("ChunkLoadError");
    await expect(port.readSettings()).resolves.toEqual({});
    expect(load).toHaveBeenCalledTimes(2);
  });
});
