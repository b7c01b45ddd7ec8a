type UpcomingPageProps = {
  title: string;
};

/** Holds the place of a page that is planned but not built, and says so plainly. */
export function UpcomingPage({ title }: UpcomingPageProps) {
  return (
    <section>
      <h1>{title}</h1>
      <p>This page is not available yet.</p>
    </section>
  );
}
