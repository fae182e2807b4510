import '@testing-library/jest-dom';

// user-event typing through whole forms takes seconds when both cores are busy (CI runs projects side by side).
jest.setTimeout(20_000);
