/**
 * The signed-in working pages, a sub-app with its own error pages
 * (guard.tsx): /signin, /signout, /work (dashboard), /work/upload, and
 * /work/versions/:id with its forms and PDF page images.
 */
import { Hono } from "hono";
import type { ServerEnv } from "../../env.ts";
import {
  approvePost,
  pageImage,
  publishPost,
  respondPost,
  returnPost,
  submitPost,
  withdrawPost,
} from "./actions.ts";
import { dashboardPage } from "./dashboard.tsx";
import { toSignIn, workError } from "./guard.tsx";
import { signInPage, signInPost, signOutPost } from "./signin.tsx";
import { uploadPage, uploadPost } from "./upload.tsx";
import { workVersionPage } from "./version.tsx";

export const work = new Hono<ServerEnv>();

work.onError(workError);

work.get("/signin", signInPage);
work.post("/signin", signInPost);
work.post("/signout", signOutPost);

// Everything under /work needs a signed-in user (API tokens are for the JSON API).
work.use("/work/*", async (c, next) => (c.var.actor.kind === "user" ? next() : toSignIn(c)));
work.get("/work", dashboardPage);
work.get("/work/upload", uploadPage);
work.post("/work/upload", uploadPost);
work.get("/work/versions/:id", workVersionPage);
work.get("/work/versions/:id/files/:position/pages/:page", pageImage);
work.post("/work/versions/:id/findings/:index/response", respondPost);
work.post("/work/versions/:id/submit", submitPost);
work.post("/work/versions/:id/return", returnPost);
work.post("/work/versions/:id/approve", approvePost);
work.post("/work/versions/:id/publish", publishPost);
work.post("/work/versions/:id/withdraw", withdrawPost);
